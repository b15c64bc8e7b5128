package jp.riss.activelist.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.changes.CrmListings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks end to end, against real HTTP endpoints started by the test on loopback ports. */
@QuarkusTest
class WebhookDeliveryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Inject AgroalDataSource dataSource;

  @AfterEach
  void deleteSubscriptions() throws Exception {
    sql("DELETE FROM webhook_subscription");
  }

  @Test
  void aChangeIsPostedSignedSoTheReceiverCanVerifyIt() throws Exception {
    try (Receiver crm = new Receiver()) {
      Hooks.Registered hook = Hooks.register("cci-osaka", crm.url());
      assertTrue(hook.secret().startsWith("whsec_"));
      Hooks.as("cci-osaka")
          .get(Hooks.PATH + "/" + hook.id())
          .then()
          .statusCode(200)
          .body("url", equalTo(crm.url()))
          .body("secret", nullValue());

      String listing = CrmListings.published("hook-a", "通知 一郎", false);

      Receiver.Request request = awaitRequest(crm, listing);
      String timestamp = request.header("RISS-Webhook-Timestamp");
      assertEquals(
          Hooks.expectedSignature(hook.secret(), timestamp, request.body()),
          request.header("RISS-Webhook-Signature"));
      assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 60);
      assertEquals("application/json", request.header("Content-Type"));

      JsonNode body = JSON.readTree(request.body());
      assertEquals(hook.id(), body.path("subscriptionId").asText());
      JsonNode entry = body.path("items").get(0);
      assertEquals(listing, entry.path("listingId").asText());
      assertEquals("UPSERT", entry.path("kind").asText());
      assertEquals(
          "通知 一郎", entry.path("listing").path("selfDeclared").path("displayName").asText());
      assertTrue(entry.path("listing").path("selfDeclared").path("contact").isNull());
      assertTrue(body.path("cursor").isTextual());

      await()
          .atMost(WAIT)
          .until(
              () ->
                  "SUCCEEDED"
                      .equals(Hooks.deliveries("cci-osaka", hook.id()).get(0).get("status")));
      Map<String, Object> delivery = Hooks.deliveries("cci-osaka", hook.id()).get(0);
      assertEquals(request.header("RISS-Webhook-Id"), delivery.get("id"));
    }
  }

  @Test
  void failuresAreRetriedWithGrowingDelaysUntilAcceptedAndEveryAttemptIsLogged() throws Exception {
    try (Receiver crm = new Receiver().answering(500, 503)) {
      Hooks.Registered hook = Hooks.register("cci-kobe", crm.url());
      String listing = CrmListings.published("hook-b", "再試行 次郎", false);

      await()
          .atMost(WAIT)
          .until(
              () -> {
                List<Map<String, Object>> all = Hooks.deliveries("cci-kobe", hook.id());
                return !all.isEmpty() && "SUCCEEDED".equals(all.get(0).get("status"));
              });
      Map<String, Object> delivery = Hooks.deliveries("cci-kobe", hook.id()).get(0);
      assertEquals(3, delivery.get("attempts"));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> log = (List<Map<String, Object>>) delivery.get("attemptLog");
      assertEquals(List.of(500, 503, 200), log.stream().map(a -> a.get("statusCode")).toList());
      log.forEach(a -> assertTrue(((Number) a.get("durationMs")).intValue() >= 0));
      // Backoff base 20 ms in tests, ±20%: at least 16 ms, then at least 32 ms.
      List<OffsetDateTime> at =
          log.stream().map(a -> OffsetDateTime.parse((String) a.get("at"))).toList();
      assertTrue(Duration.between(at.get(0), at.get(1)).toMillis() >= 16, at.toString());
      assertTrue(Duration.between(at.get(1), at.get(2)).toMillis() >= 32, at.toString());

      List<Receiver.Request> requests = crm.requestsMentioning(listing);
      assertEquals(3, requests.size());
      assertEquals(1, requests.stream().map(r -> r.header("RISS-Webhook-Id")).distinct().count());
      assertEquals(1, requests.stream().map(Receiver.Request::body).distinct().count());
    }
  }

  @Test
  void aDeliveryCanBeSentAgainOnRequestButNotWhileItIsStillBeingTried() throws Exception {
    try (Receiver crm = new Receiver().holding()) {
      Hooks.Registered hook = Hooks.register("cci-nara", crm.url());
      String listing = CrmListings.published("hook-c", "再送 三郎", false);
      awaitRequest(crm, listing);
      String deliveryId = (String) Hooks.deliveries("cci-nara", hook.id()).get(0).get("id");

      Hooks.as("cci-nara")
          .post(Hooks.PATH + "/" + hook.id() + "/deliveries/" + deliveryId + "/redeliver")
          .then()
          .statusCode(409)
          .body("type", equalTo("https://riss.example/problems/delivery-pending"));

      crm.release();
      await()
          .atMost(WAIT)
          .until(
              () ->
                  "SUCCEEDED".equals(Hooks.deliveries("cci-nara", hook.id()).get(0).get("status")));

      // (A loaded machine may time the held first attempt out and retry it before the release.)
      int before = crm.requestsMentioning(listing).size();
      Hooks.as("cci-nara")
          .post(Hooks.PATH + "/" + hook.id() + "/deliveries/" + deliveryId + "/redeliver")
          .then()
          .statusCode(202)
          .body("id", equalTo(deliveryId))
          .body("status", equalTo("PENDING"));

      await().atMost(WAIT).until(() -> crm.requestsMentioning(listing).size() > before);
      List<Receiver.Request> sent = crm.requestsMentioning(listing);
      Receiver.Request again = sent.get(sent.size() - 1);
      assertEquals(sent.get(0).body(), again.body());
      assertEquals(sent.get(0).header("RISS-Webhook-Id"), again.header("RISS-Webhook-Id"));
      await()
          .atMost(WAIT)
          .until(
              () -> {
                Map<String, Object> d = Hooks.deliveries("cci-nara", hook.id()).get(0);
                return "SUCCEEDED".equals(d.get("status"))
                    && (int) d.get("attempts") == crm.requestsMentioning(listing).size();
              });
    }
  }

  @Test
  void duringARotationsOverlapDeliveriesAreSignedWithBothSecretsUntilItIsEnded() throws Exception {
    try (Receiver crm = new Receiver()) {
      Hooks.Registered hook = Hooks.register("cci-shiga", crm.url());
      Map<String, Object> rotation =
          Hooks.as("cci-shiga")
              .post(Hooks.PATH + "/" + hook.id() + "/secret")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getMap("");
      String rotated = (String) rotation.get("secret");
      assertNotEquals(hook.secret(), rotated);
      // The default overlap: 24 hours from the rotation.
      assertEquals(
          OffsetDateTime.parse((String) rotation.get("secretRotatedAt")).plusHours(24).toInstant(),
          OffsetDateTime.parse((String) rotation.get("previousSecretExpiresAt")).toInstant());

      String listing = CrmListings.published("hook-d", "鍵 交換", false);
      Receiver.Request request = awaitRequest(crm, listing);
      String timestamp = request.header("RISS-Webhook-Timestamp");
      assertEquals(
          Hooks.expectedSignature(rotated, timestamp, request.body())
              + ","
              + Hooks.expectedSignature(hook.secret(), timestamp, request.body()),
          request.header("RISS-Webhook-Signature"));

      Hooks.as("cci-shiga")
          .delete(Hooks.PATH + "/" + hook.id() + "/secret/previous")
          .then()
          .statusCode(200)
          .body("previousSecretExpiresAt", nullValue())
          .body("secret", nullValue());
      String after = CrmListings.published("hook-d2", "鍵 交換後", false);
      Receiver.Request next = awaitRequest(crm, after);
      String nextTimestamp = next.header("RISS-Webhook-Timestamp");
      assertEquals(
          Hooks.expectedSignature(rotated, nextTimestamp, next.body()),
          next.header("RISS-Webhook-Signature"));
    }
  }

  @Test
  void aDeliveryQueuedBeforeARotationAndSentAfterItStillVerifiesWithTheOldSecret()
      throws Exception {
    Integer[] down = new Integer[200];
    java.util.Arrays.fill(down, 503);
    try (Receiver crm = new Receiver().answering(down)) {
      Hooks.Registered hook = Hooks.register("cci-mie", crm.url());
      String listing = CrmListings.published("hook-r", "再送 回転", false);
      Receiver.Request first = awaitRequest(crm, listing);
      String rotated =
          Hooks.as("cci-mie")
              .post(Hooks.PATH + "/" + hook.id() + "/secret")
              .then()
              .statusCode(200)
              .extract()
              .path("secret");
      // The delivery made before the rotation is sent again after it (its retries, or, once they
      // ran out, a redelivery): signed with both secrets, so a receiver that has not switched yet
      // still accepts it, and one that has switched too.
      String deliveryId = first.header("RISS-Webhook-Id");
      await()
          .atMost(WAIT)
          .until(
              () -> "FAILED".equals(Hooks.deliveries("cci-mie", hook.id()).get(0).get("status")));
      Hooks.as("cci-mie")
          .post(Hooks.PATH + "/" + hook.id() + "/deliveries/" + deliveryId + "/redeliver")
          .then()
          .statusCode(202);
      Receiver.Request resent =
          await()
              .atMost(WAIT)
              .until(
                  () ->
                      crm.requestsMentioning(listing).stream()
                          .filter(r -> r.header("RISS-Webhook-Signature").contains(","))
                          .findFirst(),
                  java.util.Optional::isPresent)
              .orElseThrow();
      assertEquals(deliveryId, resent.header("RISS-Webhook-Id"));
      String timestamp = resent.header("RISS-Webhook-Timestamp");
      List<String> signatures = List.of(resent.header("RISS-Webhook-Signature").split(","));
      assertEquals(
          List.of(
              Hooks.expectedSignature(rotated, timestamp, resent.body()),
              Hooks.expectedSignature(hook.secret(), timestamp, resent.body())),
          signatures);
    }
  }

  @Test
  void aPingIsASignedDeliveryWithoutEntriesListedLikeAnyOther() throws Exception {
    try (Receiver crm = new Receiver()) {
      Hooks.Registered hook = Hooks.register("cci-wakayama", crm.url());
      Map<String, Object> ping =
          Hooks.as("cci-wakayama")
              .post(Hooks.PATH + "/" + hook.id() + "/ping")
              .then()
              .statusCode(202)
              .body("kind", equalTo("PING"))
              .body("status", equalTo("PENDING"))
              .body("entryCount", equalTo(0))
              .extract()
              .jsonPath()
              .getMap("");
      Receiver.Request request =
          await().atMost(WAIT).until(crm::requests, r -> !r.isEmpty()).get(0);
      assertEquals(ping.get("id"), request.header("RISS-Webhook-Id"));
      String timestamp = request.header("RISS-Webhook-Timestamp");
      assertEquals(
          Hooks.expectedSignature(hook.secret(), timestamp, request.body()),
          request.header("RISS-Webhook-Signature"));
      JsonNode body = JSON.readTree(request.body());
      assertEquals(hook.id(), body.path("subscriptionId").asText());
      assertEquals(0, body.path("items").size());
      assertTrue(body.path("cursor").isTextual());

      await()
          .atMost(WAIT)
          .until(
              () -> {
                Map<String, Object> d = Hooks.deliveries("cci-wakayama", hook.id()).get(0);
                return ping.get("id").equals(d.get("id"))
                    && "PING".equals(d.get("kind"))
                    && "SUCCEEDED".equals(d.get("status"));
              });
      // It does not move the webhook through the feed: the next change still comes as a batch.
      String listing = CrmListings.published("hook-p", "疎通 確認", false);
      awaitRequest(crm, listing);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  "CHANGES".equals(Hooks.deliveries("cci-wakayama", hook.id()).get(0).get("kind")));
    }
  }

  @Test
  void deliveriesPageNewestFirstAcrossPingsCreatedInOneBurst() throws Exception {
    try (Receiver crm = new Receiver()) {
      Hooks.Registered hook = Hooks.register("cci-tottori", crm.url());
      List<String> pinged = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        pinged.add(
            0,
            Hooks.as("cci-tottori")
                .post(Hooks.PATH + "/" + hook.id() + "/ping")
                .then()
                .statusCode(202)
                .extract()
                .path("id"));
      }
      io.restassured.path.json.JsonPath first =
          Hooks.as("cci-tottori")
              .queryParam("limit", "2")
              .get(Hooks.PATH + "/" + hook.id() + "/deliveries")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      String next = first.getString("next");
      List<String> second =
          Hooks.as("cci-tottori")
              .get(next)
              .then()
              .statusCode(200)
              .body("next", nullValue())
              .extract()
              .path("items.id");
      List<String> all = new java.util.ArrayList<>(first.getList("items.id"));
      all.addAll(second);
      assertEquals(pinged, all);
    }
  }

  @Test
  void aSlowEndpointDoesNotHoldUpTheOthers() throws Exception {
    try (Receiver slow = new Receiver().holding();
        Receiver fast = new Receiver()) {
      Hooks.register("cci-slow", slow.url());
      Hooks.register("cci-fast", fast.url());
      String listing = CrmListings.published("hook-e", "遅延 五郎", false);

      awaitRequest(slow, listing);
      awaitRequest(fast, listing);
      // The slow one still has not answered: the fast one got its delivery meanwhile.
      slow.release();
    }
  }

  @Test
  void aReceiverDownForManyRetriesGetsTheDeliveryOnceWhenItIsBackUp() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Hooks.Registered hook = Hooks.register("cci-outage", "http://127.0.0.1:" + port + "/hook");
    String listing = CrmListings.published("hook-g", "停止 七郎", false);
    // Down through several retries. The schedule is configuration: tests 20 ms doubling to a 200 ms
    // cap and giving up after 3 s; production 30 s doubling to 1 h and 24 h, so a receiver down
    // for ten minutes sees retries at about 30 s, 1, 2, 4 and 8 min and gets the delivery within
    // one capped delay of coming back.
    await().atMost(WAIT).until(() -> attempts("cci-outage", hook.id()) >= 5);
    try (Receiver crm = new Receiver(port)) {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  "SUCCEEDED"
                      .equals(Hooks.deliveries("cci-outage", hook.id()).get(0).get("status")));
      List<Map<String, Object>> deliveries = Hooks.deliveries("cci-outage", hook.id());
      assertEquals(1, deliveries.size(), "one delivery, retried; never a second one");
      Map<String, Object> delivery = deliveries.get(0);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> log = (List<Map<String, Object>>) delivery.get("attemptLog");
      assertTrue(log.size() >= 6, log.toString());
      for (Map<String, Object> failed : log.subList(0, log.size() - 1)) {
        assertTrue(
            ((String) failed.get("error")).startsWith("connection failed"), failed.toString());
      }
      assertEquals(200, log.get(log.size() - 1).get("statusCode"));
      // Each wait is at least the backoff less its jitter (a fifth): 16, 32, 64, 128, 160 ms ...
      List<OffsetDateTime> at =
          log.stream().map(a -> OffsetDateTime.parse((String) a.get("at"))).toList();
      for (int k = 1; k < at.size(); k++) {
        long least = Math.round(0.8 * Math.min(20L << (k - 1), 200L));
        assertTrue(
            Duration.between(at.get(k - 1), at.get(k)).toMillis() >= least,
            "attempt " + (k + 1) + " waited at least " + least + " ms: " + at);
      }
      // The receiver saw it once, under the delivery's id (a retry reuses it).
      List<Receiver.Request> received = crm.requestsMentioning(listing);
      assertEquals(1, received.size());
      assertEquals(delivery.get("id"), received.get(0).header("RISS-Webhook-Id"));
    }
  }

  @Test
  void aSlowReceiverDoesNotDelayDeliveriesToAHealthyOne() throws Exception {
    try (Receiver slow = new Receiver().holding();
        Receiver healthy = new Receiver()) {
      Hooks.register("cci-sluggish", slow.url());
      Hooks.register("cci-healthy", healthy.url());
      for (int i = 0; i < 3; i++) {
        String listing = CrmListings.published("hook-h" + i, "健全 八郎 " + i, false);
        Instant published = Instant.now();
        awaitRequest(healthy, listing);
        long latency = Duration.between(published, Instant.now()).toMillis();
        // The slow receiver holds each attempt until the request timeout (2 s in tests): had the
        // healthy one waited behind it, each of its deliveries would take longer than that.
        assertTrue(
            latency < 1_500, "delivery " + i + " to the healthy receiver: " + latency + " ms");
      }
      assertTrue(!slow.requests().isEmpty(), "the slow receiver was being tried meanwhile");
    }
  }

  private static int attempts(String supportBody, String hookId) {
    List<Map<String, Object>> all = Hooks.deliveries(supportBody, hookId);
    return all.isEmpty() ? 0 : ((Number) all.get(0).get("attempts")).intValue();
  }

  @Test
  void anUnreachableEndpointIsRetriedThenMarkedFailedWithTheErrorLogged() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Hooks.Registered hook = Hooks.register("cci-down", "http://127.0.0.1:" + closedPort + "/hook");
    CrmListings.published("hook-f", "不通 六郎", false);

    // Tests give up after 3 s (production: 24 h).
    await()
        .atMost(WAIT)
        .until(
            () -> {
              List<Map<String, Object>> all = Hooks.deliveries("cci-down", hook.id());
              return !all.isEmpty() && "FAILED".equals(all.get(0).get("status"));
            });
    Map<String, Object> delivery = Hooks.deliveries("cci-down", hook.id()).get(0);
    assertTrue((int) delivery.get("attempts") >= 2, delivery.toString());
    assertNull(delivery.get("nextAttemptAt"));
    @SuppressWarnings("unchecked")
    Map<String, Object> attempt = ((List<Map<String, Object>>) delivery.get("attemptLog")).get(0);
    assertNull(attempt.get("statusCode"));
    assertTrue(((String) attempt.get("error")).startsWith("connection failed"), attempt.toString());
  }

  @Test
  void aDeliveryInterruptedByARestartIsSentWhenItsLeaseRunsOut() throws Exception {
    try (Receiver crm = new Receiver()) {
      Hooks.Registered hook = Hooks.register("cci-crash", crm.url());
      // What a process that died mid-attempt leaves behind: PENDING, its lease already over.
      UUID delivery = UUID.randomUUID();
      sql(
          "INSERT INTO webhook_delivery (id, subscription_id, from_seq, to_seq, entry_count, body,"
              + " status, attempts, next_attempt_at, created_at, give_up_at) VALUES ('"
              + delivery
              + "', '"
              + hook.id()
              + "', 0, 0, 0, '{\"items\":[],\"left\":\"by-a-crash\"}', 'PENDING', 0,"
              + " now() - interval '1 second', now(), now() + interval '1 hour')");

      awaitRequest(crm, "by-a-crash");
      await()
          .atMost(WAIT)
          .until(
              () ->
                  Hooks.deliveries("cci-crash", hook.id()).stream()
                      .anyMatch(
                          d ->
                              delivery.toString().equals(d.get("id"))
                                  && "SUCCEEDED".equals(d.get("status"))));
    }
  }

  private static Receiver.Request awaitRequest(Receiver receiver, String mentioning) {
    await().atMost(WAIT).until(() -> !receiver.requestsMentioning(mentioning).isEmpty());
    return receiver.requestsMentioning(mentioning).get(0);
  }

  private void sql(String statement) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(statement)) {
      ps.executeUpdate();
    }
  }
}
