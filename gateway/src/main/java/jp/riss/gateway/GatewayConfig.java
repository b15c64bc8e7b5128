package jp.riss.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where each bounded context lives and how patient the gateway is with it. */
@ConfigMapping(prefix = "riss.gateway")
public interface GatewayConfig {

  /** Keyed by context, the path segment after {@code /api/v1/} (e.g. {@code active-list}). */
  Map<String, Upstream> upstreams();

  @WithDefault("2s")
  Duration connectTimeout();

  /** Longest silence from an upstream before the caller gets a 504. */
  @WithDefault("30s")
  Duration upstreamTimeout();

  /**
   * How many reads of {@link #upstreamPipelinedPaths()} may be under way at once on one upstream
   * connection, sent one after the other without waiting for each answer (HTTP/1.1 pipelining,
   * {@link UpstreamClients}); 1 sends one at a time. Every other request has a connection to
   * itself.
   */
  @WithDefault("4")
  int upstreamPipelining();

  /**
   * The paths (exact, without query) whose reads (GET, HEAD without a body) share upstream
   * connections: reads a service answers from memory on its I/O thread. A service answers the
   * requests of one connection one after the other, so reads that wait for a database are better
   * spread over connections of their own.
   */
  @WithDefault("/api/v1/active-list/listings")
  Set<String> upstreamPipelinedPaths();

  /**
   * Proxies in front of the gateway (CIDRs or addresses) whose X-Forwarded-* / Forwarded headers
   * count ({@link TrustedProxies}); none when absent.
   */
  Optional<List<String>> trustedProxies();

  /** Per-client limits on the proxied routes; env names are in application.properties. */
  RateLimit rateLimit();

  /** Browser origins allowed to call through the gateway ({@link Cors}). */
  CorsOrigins cors();

  interface CorsOrigins {
    /** Exact origins ({@code https://portal.example}), or {@code *} for any; none when absent. */
    Optional<List<String>> origins();
  }

  interface Upstream {
    /** The module name, shown in the contract index. */
    String service();

    /** Scheme, host and port only: paths are forwarded unchanged, so a base path would be lost. */
    String url();
  }

  interface RateLimit {

    @WithDefault("true")
    boolean enabled();

    /** Callers without a token, one bucket per address. */
    Bucket anonymous();

    /** Callers with a verified token, one bucket per subject. */
    Bucket authenticated();

    /** Clients tracked at once; about 200 bytes each. Beyond it, new clients share a bucket. */
    @WithDefault("100000")
    int maxClients();

    /** How often buckets of idle clients are dropped. */
    @WithDefault("10s")
    Duration sweepInterval();

    /**
     * Where buckets live: {@code postgres}, shared by every replica (leases, {@link
     * SharedRateLimiter}), or {@code local}, one bucket per replica (N replicas allow N times the
     * limit; for a single instance or development).
     */
    @WithDefault("postgres")
    Store store();

    /**
     * Longest a replica serves from tokens it leased: a leased token not used within it is dropped.
     * Long enough that a client at a few requests a second uses a whole lease (one store round trip
     * per lease). What the replicas together let through beyond the limit in any window is bounded
     * in tokens (a lease and a half per replica) and in time (lease-ttl × requests-per-second),
     * whichever is less (README "Rate limits").
     */
    @WithDefault("10s")
    Duration leaseTtl();

    /** Share of the burst one lease asks for (at least one token). */
    @WithDefault("0.1")
    double leaseFraction();

    /**
     * Longest a request waits for a lease; past it, this request is counted in the replica's local
     * bucket instead (a slow store must not slow the API).
     */
    @WithDefault("250ms")
    Duration leaseWait();

    /** While the store is unreachable, how often the gateway tries it again. */
    @WithDefault("2s")
    Duration storeRetryInterval();

    /** How often rows of buckets that have filled up again are deleted from the store. */
    @WithDefault("60s")
    Duration storeCleanupInterval();

    enum Store {
      postgres,
      local
    }

    interface Bucket {
      /** The steady rate the allowance refills at; may be fractional (0.5 = one every 2 s). */
      double requestsPerSecond();

      /** Requests allowed at once after a quiet spell. */
      int burst();
    }
  }
}
