package jp.riss.activelist.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How webhooks are delivered; production defaults here, tests shorten the times. */
@ConfigMapping(prefix = "riss.webhooks")
public interface WebhookConfig {

  /** Whether this process dispatches deliveries at all. */
  @WithDefault("true")
  boolean enabled();

  /**
   * Lets subscriptions target loopback addresses over plain http: for tests and local development
   * only. Production refuses every non-public target and plain http.
   */
  @WithDefault("false")
  boolean allowLoopback();

  /** How often the dispatcher looks for due work when nothing wakes it. */
  @WithDefault("1s")
  Duration pollInterval();

  /** The first retry's delay; each further retry doubles it (with jitter) up to the cap. */
  @WithDefault("30s")
  Duration backoffBase();

  @WithDefault("1h")
  Duration backoffCap();

  /** A delivery not accepted within this time of its creation is marked failed. */
  @WithDefault("24h")
  Duration giveUpAfter();

  @WithDefault("5s")
  Duration connectTimeout();

  /** The whole exchange with an endpoint, so a slow one holds a sender no longer than this. */
  @WithDefault("10s")
  Duration requestTimeout();

  /** Attempts in flight at once, over all endpoints. */
  @WithDefault("8")
  int concurrency();

  /** Feed entries per delivery at most. */
  @WithDefault("100")
  int batchSize();

  @WithDefault("10")
  int maxSubscriptionsPerOwner();

  /**
   * After a rotation the replaced secret keeps signing (beside the new one) this long, so queued
   * and retried deliveries still verify while the receiver switches; the owner may end it earlier.
   */
  @WithDefault("24h")
  Duration secretOverlap();

  /** How long finished deliveries and their attempts stay readable and redeliverable. */
  @WithDefault("30d")
  java.time.Duration keepDeliveriesFor();

  /**
   * The key signing secrets are stored sealed under ({@code WEBHOOK_SECRET_KEY}: 32 random bytes,
   * base64); required.
   */
  java.util.Optional<String> secretKey();

  /** How often finished deliveries past their retention are removed ({@code off} to stop). */
  @WithDefault("1h")
  String retentionEvery();
}
