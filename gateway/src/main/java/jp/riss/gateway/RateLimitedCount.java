package jp.riss.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code riss_gateway_rate_limited_total{class}}: requests the gateway answered 429, by client
 * class (anonymous, counted per address; authenticated, per subject). Never the address or subject
 * itself: that would be one series per client, and personal data.
 */
@Singleton
public class RateLimitedCount {

  private final Counter anonymous;
  private final Counter authenticated;

  RateLimitedCount(MeterRegistry meters) {
    this.anonymous = counter(meters, "anonymous");
    this.authenticated = counter(meters, "authenticated");
  }

  void add(boolean authenticatedClient) {
    (authenticatedClient ? authenticated : anonymous).increment();
  }

  private static Counter counter(MeterRegistry meters, String clientClass) {
    return Counter.builder("riss.gateway.rate.limited")
        .description("Requests answered 429 Too Many Requests by the gateway's rate limit")
        .tag("class", clientClass)
        .register(meters);
  }
}
