package jp.riss.activelist.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code riss_webhook_delivery_failures_total{reason}}: delivery attempts that did not get a 2xx,
 * by a small fixed set of reason classes. Never the URL, subscriber or delivery id (unbounded
 * series, and a URL may carry a receiver's secret); the delivery log has the details.
 */
@ApplicationScoped
public class WebhookFailures {

  @Inject MeterRegistry meters;

  void count(WebhookSender.Outcome outcome) {
    if (outcome.accepted()) {
      return;
    }
    Counter.builder("riss.webhook.delivery.failures")
        .description("Webhook delivery attempts that did not get a 2xx answer, by reason class")
        .tag("reason", reason(outcome))
        .register(meters)
        .increment();
  }

  /**
   * One of http-4xx, http-5xx, http-other, timeout, connection, refused-target, unsigned, other.
   */
  static String reason(WebhookSender.Outcome outcome) {
    if (outcome.statusCode() != null) {
      int status = outcome.statusCode();
      return status >= 400 && status < 600 ? "http-" + status / 100 + "xx" : "http-other";
    }
    String error = outcome.error() == null ? "" : outcome.error();
    if (error.startsWith("timed out")) {
      return "timeout";
    }
    if (error.startsWith("connection failed")) {
      return "connection";
    }
    if (error.startsWith("refused")) {
      return "refused-target";
    }
    if (error.startsWith("not signed")) {
      return "unsigned";
    }
    return "other";
  }
}
