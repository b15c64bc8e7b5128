package jp.riss.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    interface Bucket {
      /** The steady rate the allowance refills at; may be fractional (0.5 = one every 2 s). */
      double requestsPerSecond();

      /** Requests allowed at once after a quiet spell. */
      int burst();
    }
  }
}
