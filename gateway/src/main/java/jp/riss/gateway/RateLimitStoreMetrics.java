package jp.riss.gateway;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What operators watch of the shared rate-limit store (only with RATE_LIMIT_STORE=postgres): {@code
 * riss_gateway_rate_limit_store_up} (1 while this replica uses the shared buckets, 0 while it
 * limits on its own because the store is unreachable — the alert RissRateLimitStoreDown) and {@code
 * riss_gateway_rate_limit_leases_total} (round trips to the store: a lease serves several requests,
 * so this grows far slower than the request count).
 */
@ApplicationScoped
public class RateLimitStoreMetrics {

  void register(@Observes StartupEvent started, MeterRegistry meters, RateLimitRoute limits) {
    if (!limits.sharedStore()) {
      return;
    }
    Gauge.builder("riss.gateway.rate.limit.store.up", limits, l -> l.storeUp() ? 1 : 0)
        .description(
            "1 while the gateway's rate limits are shared through the store, 0 while this replica"
                + " limits on its own because the store is unreachable")
        .register(meters);
    FunctionCounter.builder("riss.gateway.rate.limit.leases", limits, RateLimitRoute::leaseRequests)
        .description("Token leases this replica asked the shared rate-limit store for")
        .register(meters);
  }
}
