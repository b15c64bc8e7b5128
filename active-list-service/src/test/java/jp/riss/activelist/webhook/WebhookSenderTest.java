package jp.riss.activelist.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.riss.platform.time.PlatformClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a receiver's name may answer the guard with a public address and the connection a
 * moment later with an internal one. An attempt therefore connects to exactly the address the guard
 * checked. The names here are under the reserved {@code .test} domain, which only this test's
 * stand-in DNS answers: a delivery that looked the name up again could not connect at all.
 */
class WebhookSenderTest {

  private final Vertx vertx = Vertx.vertx();
  private final WebhookSecrets secrets =
      new WebhookSecrets(java.util.Base64.getEncoder().encodeToString(new byte[32]));
  private final UUID subscription = UUID.randomUUID();
  private final List<String> lookups = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  private WebhookSender sender(InetAddress answer) {
    return sender(answer, Duration.ofSeconds(10));
  }

  private WebhookSender sender(InetAddress answer, Duration requestTimeout) {
    WebhookSender sender = new WebhookSender();
    sender.vertx = vertx;
    sender.config = config(requestTimeout);
    sender.secrets = secrets;
    sender.clock = Clock.system(PlatformClock.JAPAN);
    sender.targets =
        new WebhookTargets(
            true,
            host -> {
              lookups.add(host);
              if (host.endsWith(".test")) {
                return new InetAddress[] {answer};
              }
              throw new UnknownHostException(host);
            });
    sender.init();
    return sender;
  }

  @Test
  void anAttemptConnectsToTheAddressTheGuardCheckedUnderTheReceiversName() throws Exception {
    try (Receiver crm = new Receiver()) {
      String url = "http://crm.example.test:" + crm.port() + "/hook?tenant=7";
      WebhookSender.Outcome outcome =
          sender(InetAddress.getLoopbackAddress())
              .send(job(url, secrets.seal(subscription, "s3cret"), "{\"n\":1}"));

      assertEquals(200, outcome.statusCode(), outcome.error());
      assertEquals(List.of("crm.example.test"), lookups, "looked up once, by the guard");
      Receiver.Request got = crm.requests().get(0);
      assertEquals("crm.example.test:" + crm.port(), got.header("Host"));
      assertEquals("{\"n\":1}", got.body());
      assertEquals(
          Hooks.expectedSignature("s3cret", got.header(WebhookSignature.TIMESTAMP), got.body()),
          got.header(WebhookSignature.SIGNATURE),
          "signed with the secret in clear");
    }
  }

  @Test
  void aNameAnsweringWithAnInternalAddressIsRefusedBeforeAnyConnection() throws Exception {
    try (Receiver crm = new Receiver()) {
      WebhookSender.Outcome outcome =
          sender(InetAddress.getByAddress(new byte[] {10, 0, 0, 7}))
              .send(
                  job(
                      "https://crm.example.test:" + crm.port() + "/hook",
                      secrets.seal(subscription, "s3cret"),
                      "{}"));

      assertNull(outcome.statusCode());
      assertTrue(
          outcome.error().startsWith("refused: the URL resolves to a private"), outcome.error());
      assertEquals(List.of(), crm.requests());
    }
  }

  @Test
  void aReceiverThatNeverAnswersIsATimeoutNotAHang() throws Exception {
    try (Receiver slow = new Receiver().holding()) {
      WebhookSender.Outcome outcome =
          sender(InetAddress.getLoopbackAddress(), Duration.ofMillis(300))
              .send(
                  job(
                      "http://slow.example.test:" + slow.port() + "/hook",
                      secrets.seal(subscription, "s3cret"),
                      "{}"));

      assertNull(outcome.statusCode());
      assertEquals("timed out", outcome.error());
      assertTrue(outcome.durationMs() < 5_000, "gave up after " + outcome.durationMs() + " ms");
    }
  }

  @Test
  void aSecretThatDoesNotOpenSendsNothingAndSaysWhy() throws Exception {
    try (Receiver crm = new Receiver()) {
      // Sealed for another subscription: copied across rows, it must not sign for this one.
      String elsewhere = secrets.seal(UUID.randomUUID(), "s3cret");
      WebhookSender.Outcome outcome =
          sender(InetAddress.getLoopbackAddress())
              .send(job("http://crm.example.test:" + crm.port() + "/hook", elsewhere, "{}"));

      assertNull(outcome.statusCode());
      assertTrue(outcome.error().startsWith("not signed: "), outcome.error());
      assertEquals(List.of(), crm.requests());
    }
  }

  private DeliveryLedger.Job job(String url, String sealedSecret, String body) {
    return new DeliveryLedger.Job(UUID.randomUUID(), subscription, url, sealedSecret, null, body);
  }

  private static WebhookConfig config(Duration requestTimeout) {
    return new WebhookConfig() {
      @Override
      public boolean enabled() {
        return true;
      }

      @Override
      public boolean allowLoopback() {
        return true;
      }

      @Override
      public Duration pollInterval() {
        return Duration.ofSeconds(1);
      }

      @Override
      public Duration backoffBase() {
        return Duration.ofSeconds(30);
      }

      @Override
      public Duration backoffCap() {
        return Duration.ofHours(1);
      }

      @Override
      public Duration giveUpAfter() {
        return Duration.ofHours(24);
      }

      @Override
      public Duration connectTimeout() {
        return Duration.ofSeconds(5);
      }

      @Override
      public Duration requestTimeout() {
        return requestTimeout;
      }

      @Override
      public int concurrency() {
        return 1;
      }

      @Override
      public int batchSize() {
        return 1;
      }

      @Override
      public int maxSubscriptionsPerOwner() {
        return 10;
      }

      @Override
      public Duration secretOverlap() {
        return Duration.ofHours(24);
      }

      @Override
      public Duration keepDeliveriesFor() {
        return Duration.ofDays(30);
      }

      @Override
      public String retentionEvery() {
        return "1h";
      }

      @Override
      public java.util.Optional<String> secretKey() {
        return java.util.Optional.empty();
      }
    };
  }
}
