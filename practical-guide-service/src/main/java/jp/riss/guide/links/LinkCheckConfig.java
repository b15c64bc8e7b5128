package jp.riss.guide.links;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the guide's links are checked; production defaults here, tests shorten the times. */
@ConfigMapping(prefix = "riss.guide.link-check")
public interface LinkCheckConfig {

  /**
   * When the scheduled check runs (Quarkus cron, Asia/Tokyo): by default at 03:00 on the first of
   * each month; {@code off} stops the schedule (on-demand runs still work).
   */
  @WithDefault("0 0 3 1 * ?")
  String cron();

  /**
   * Lets links point at loopback addresses over plain http: for tests and local development only.
   * Production refuses every non-public target, as for webhooks.
   */
  @WithDefault("false")
  boolean allowLoopback();

  /** Links checked at once. */
  @WithDefault("4")
  int concurrency();

  @WithDefault("5s")
  Duration connectTimeout();

  /** How long one request may wait for its answer's headers. */
  @WithDefault("10s")
  Duration requestTimeout();

  /** Redirects followed per link; one more makes the link {@code failing}. */
  @WithDefault("5")
  int maxRedirects();

  /** A run still open after this long is taken as abandoned (its process ended). */
  @WithDefault("1h")
  Duration abandonAfter();
}
