package jp.riss.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Publishes {@code http_server_requests_seconds_bucket} with a fixed set of eleven latency bounds,
 * so Prometheus can compute p99 per service and route (alert rule RissHighLatencyP99). A fixed set
 * rather than Micrometer's default histogram (some 70 buckets per series) keeps the series count
 * small; the bounds bracket the targets the suite measures (search p99 ≤ 25 ms).
 */
public class HttpLatencyBuckets {

  private static final String HTTP_SERVER_REQUESTS = "http.server.requests";

  @Produces
  @Singleton
  MeterFilter httpServerLatencyBuckets() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(
                nanos(Duration.ofMillis(5)),
                nanos(Duration.ofMillis(10)),
                nanos(Duration.ofMillis(25)),
                nanos(Duration.ofMillis(50)),
                nanos(Duration.ofMillis(100)),
                nanos(Duration.ofMillis(250)),
                nanos(Duration.ofMillis(500)),
                nanos(Duration.ofSeconds(1)),
                nanos(Duration.ofMillis(2500)),
                nanos(Duration.ofSeconds(5)),
                nanos(Duration.ofSeconds(10)))
            .build()
            .merge(config);
      }
    };
  }

  /** Timer SLOs are given in nanoseconds, Micrometer's base unit for timers. */
  private static double nanos(Duration duration) {
    return duration.toNanos();
  }
}
