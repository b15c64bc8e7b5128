package jp.riss.activelist.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import jp.riss.activelist.changes.CrmListings;
import jp.riss.platform.testing.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A receiver that fails shows on the operators' dashboard: {@code
 * riss_webhook_delivery_failures_total} counts each failed attempt by reason class only.
 */
@QuarkusTest
class WebhookFailureMetricsTest {

  private static final String FAILURES = "riss_webhook_delivery_failures_total";

  @TestHTTPResource(value = "/", management = true)
  URL management;

  @Inject AgroalDataSource dataSource;

  @AfterEach
  void deleteSubscriptions() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM webhook_subscription");
    }
  }

  @Test
  void eachFailedAttemptAtAFailingReceiverCountsOnceByReasonClass() throws Exception {
    double before = failures();
    try (Receiver crm = new Receiver().answering(500, 503)) {
      Hooks.Registered hook = Hooks.register("cci-nara", crm.url());
      CrmListings.published("hook-metrics", "計測 花子", false);

      // Two failed attempts (500, 503) count; the accepted third does not.
      await().atMost(Duration.ofSeconds(60)).until(() -> failures() >= before + 2);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                var all = Hooks.deliveries("cci-nara", hook.id());
                return !all.isEmpty() && "SUCCEEDED".equals(all.get(0).get("status"));
              });
    }
    assertEquals(before + 2, failures());
    String scrape = Metrics.scrape(management);
    for (String line : scrape.split("\n")) {
      if (line.startsWith(FAILURES)) {
        assertEquals(-1, line.indexOf("http://"), "no URL in a label: " + line);
      }
    }
  }

  @Test
  void reasonClassesAreFewAndFixed() {
    assertEquals("http-5xx", WebhookFailures.reason(new WebhookSender.Outcome(502, 1, null)));
    assertEquals("http-4xx", WebhookFailures.reason(new WebhookSender.Outcome(410, 1, null)));
    assertEquals("http-other", WebhookFailures.reason(new WebhookSender.Outcome(302, 1, null)));
    assertEquals(
        "timeout", WebhookFailures.reason(new WebhookSender.Outcome(null, 1, "timed out")));
    assertEquals(
        "connection",
        WebhookFailures.reason(
            new WebhookSender.Outcome(null, 1, "connection failed: ConnectException refused")));
    assertEquals(
        "refused-target",
        WebhookFailures.reason(
            new WebhookSender.Outcome(null, 1, "refused: the URL points at a private address")));
    assertEquals(
        "unsigned", WebhookFailures.reason(new WebhookSender.Outcome(null, 1, "not signed: x")));
  }

  private double failures() {
    return Metrics.count(management, FAILURES, Map.of("reason", "http-5xx"));
  }
}
