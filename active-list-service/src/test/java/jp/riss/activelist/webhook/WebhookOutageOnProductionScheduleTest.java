package jp.riss.activelist.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.config.WithDefault;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.riss.activelist.TestClock;
import jp.riss.activelist.changes.CrmListings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A CRM's endpoint down for more than ten minutes still gets its delivery, once, on the retry
 * schedule production runs: the defaults of {@link WebhookConfig}, read from its annotations (the
 * other tests shorten them). Time passes on the service's clock, moved by the test from one due
 * retry to the next; the receiver is a real HTTP server that is absent, then listening.
 */
@QuarkusTest
@TestProfile(WebhookOutageOnProductionScheduleTest.ProductionSchedule.class)
class WebhookOutageOnProductionScheduleTest {

  /** The backoff and give-up settings exactly as an unconfigured production service has them. */
  public static class ProductionSchedule implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "riss.webhooks.backoff-base", defaultOf("backoffBase"),
          "riss.webhooks.backoff-cap", defaultOf("backoffCap"),
          "riss.webhooks.give-up-after", defaultOf("giveUpAfter"));
    }
  }

  private static final Duration OUTAGE = Duration.ofMinutes(10);
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** The most a refused connection on loopback and its bookkeeping take. */
  private static final Duration ATTEMPT = Duration.ofSeconds(5);

  @Inject WebhookConfig config;
  @Inject WebhookDispatcher dispatcher;

  private Hooks.Registered hook;

  @AfterEach
  void realTimeAgain() {
    TestClock.CLOCK.reset();
    if (hook != null) {
      Hooks.as("cci-long-outage").delete(Hooks.PATH + "/" + hook.id()).then().statusCode(204);
    }
  }

  @Test
  void aReceiverDownForMoreThanTenMinutesGetsTheDeliveryOnceOnTheProductionSchedule()
      throws Exception {
    Duration base = Duration.parse("PT" + defaultOf("backoffBase").toUpperCase());
    Duration cap = Duration.parse("PT" + defaultOf("backoffCap").toUpperCase());
    Duration giveUp = Duration.parse("PT" + defaultOf("giveUpAfter").toUpperCase());
    assertEquals(base, config.backoffBase(), "the service runs the default schedule");
    assertEquals(cap, config.backoffCap());
    assertEquals(giveUp, config.giveUpAfter());
    // The schedule's own span: the retries at their earliest (jitter -20%) that still fall inside
    // the give-up window reach past the outage, so it cannot give up before ten minutes.
    Duration earliestLastRetry = Duration.ZERO;
    for (int k = 1; ; k++) {
      Duration next = earliestLastRetry.plus(least(base, cap, k));
      if (next.compareTo(giveUp) > 0) {
        break;
      }
      earliestLastRetry = next;
    }
    assertTrue(
        earliestLastRetry.compareTo(OUTAGE) > 0,
        "the last retry comes after " + earliestLastRetry + " at the earliest");

    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    hook = Hooks.register("cci-long-outage", "http://127.0.0.1:" + port + "/hook");
    String listing = CrmListings.published("hook-long-outage", "長期 停止", false);
    await().atMost(WAIT).until(() -> attempts(hook) == 1);
    OffsetDateTime created = OffsetDateTime.parse((String) delivery(hook).get("createdAt"));

    // Down: each failed attempt sets the next one by the schedule; the clock moves to exactly that
    // moment and the attempt follows, until the outage is over.
    List<OffsetDateTime> due = new ArrayList<>();
    while (true) {
      Map<String, Object> pending = delivery(hook);
      assertEquals("PENDING", pending.get("status"), "not given up: " + pending);
      List<OffsetDateTime> at = attemptTimes(pending);
      OffsetDateTime last = at.get(at.size() - 1);
      OffsetDateTime next = OffsetDateTime.parse((String) pending.get("nextAttemptAt"));
      int failed = at.size();
      // From the attempt's start: the backoff plus the moment the failed attempt itself took.
      Duration wait = Duration.between(last, next);
      assertTrue(
          wait.compareTo(least(base, cap, failed)) >= 0
              && wait.compareTo(most(base, cap, failed).plus(ATTEMPT)) <= 0,
          "retry "
              + failed
              + " set "
              + wait
              + " after the attempt; the schedule allows "
              + least(base, cap, failed)
              + " to "
              + most(base, cap, failed));
      due.add(next);
      if (Duration.between(created, last).compareTo(OUTAGE) > 0) {
        break;
      }
      moveClockTo(next);
      await().atMost(WAIT).until(() -> attempts(hook) == failed + 1);
    }
    Map<String, Object> stillPending = delivery(hook);
    List<OffsetDateTime> tried = attemptTimes(stillPending);
    // Each retry was made when it fell due (not before; a moment later, as the test moved time).
    for (int k = 1; k < tried.size(); k++) {
      OffsetDateTime when = tried.get(k);
      OffsetDateTime wasDue = due.get(k - 1);
      assertTrue(
          !when.isBefore(wasDue) && Duration.between(wasDue, when).compareTo(WAIT) < 0,
          "attempt " + (k + 1) + " at " + when + ", due " + wasDue);
    }
    for (Map<String, Object> attempt : attemptLog(stillPending)) {
      assertTrue(
          ((String) attempt.get("error")).startsWith("connection failed"), attempt.toString());
    }
    assertTrue(Duration.between(created, tried.get(tried.size() - 1)).compareTo(OUTAGE) > 0);
    assertTrue(
        Duration.between(created, OffsetDateTime.parse((String) stillPending.get("giveUpAt")))
                .compareTo(OUTAGE)
            > 0);

    // Back: the next due retry delivers it, under the same id, and nothing more comes.
    try (Receiver crm = new Receiver(port)) {
      moveClockTo(due.get(due.size() - 1));
      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(delivery(hook).get("status")));
      List<Map<String, Object>> deliveries = Hooks.deliveries("cci-long-outage", hook.id());
      assertEquals(1, deliveries.size(), "one delivery, retried; never a second one");
      Map<String, Object> delivered = deliveries.get(0);
      assertEquals(tried.size() + 1, ((Number) delivered.get("attempts")).intValue());
      List<Map<String, Object>> log = attemptLog(delivered);
      assertEquals(200, log.get(log.size() - 1).get("statusCode"));
      List<Receiver.Request> received = crm.requestsMentioning(listing);
      assertEquals(1, received.size(), "the receiver got it once");
      assertEquals(delivered.get("id"), received.get(0).header("RISS-Webhook-Id"));
    }
  }

  /** The shortest wait before retry {@code k} (after k failed attempts): doubling, capped, -20%. */
  private static Duration least(Duration base, Duration cap, int k) {
    return nominal(base, cap, k).multipliedBy(8).dividedBy(10);
  }

  private static Duration most(Duration base, Duration cap, int k) {
    Duration high = nominal(base, cap, k).multipliedBy(12).dividedBy(10);
    return high.compareTo(cap) > 0 ? cap : high;
  }

  private static Duration nominal(Duration base, Duration cap, int k) {
    Duration d = base;
    for (int i = 1; i < k && d.compareTo(cap) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(cap) > 0 ? cap : d;
  }

  private void moveClockTo(OffsetDateTime moment) {
    Duration ahead = Duration.between(OffsetDateTime.now(TestClock.CLOCK), moment);
    if (!ahead.isNegative()) {
      TestClock.CLOCK.advance(ahead.plusMillis(1));
    }
    dispatcher.wakeUp();
  }

  private static Map<String, Object> delivery(Hooks.Registered hook) {
    return Hooks.deliveries("cci-long-outage", hook.id()).get(0);
  }

  private static int attempts(Hooks.Registered hook) {
    List<Map<String, Object>> all = Hooks.deliveries("cci-long-outage", hook.id());
    return all.isEmpty() ? 0 : ((Number) all.get(0).get("attempts")).intValue();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> attemptLog(Map<String, Object> delivery) {
    return (List<Map<String, Object>>) delivery.get("attemptLog");
  }

  private static List<OffsetDateTime> attemptTimes(Map<String, Object> delivery) {
    return attemptLog(delivery).stream()
        .map(a -> OffsetDateTime.parse((String) a.get("at")))
        .toList();
  }

  /** A {@link WebhookConfig} default as declared, e.g. {@code 30s}. */
  private static String defaultOf(String property) {
    try {
      return WebhookConfig.class.getMethod(property).getAnnotation(WithDefault.class).value();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }
}
