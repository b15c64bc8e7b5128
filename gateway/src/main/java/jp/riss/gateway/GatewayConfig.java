package jp.riss.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

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

  interface Upstream {
    /** The module name, shown in the contract index. */
    String service();

    /** Scheme, host and port only: paths are forwarded unchanged, so a base path would be lost. */
    String url();
  }
}
