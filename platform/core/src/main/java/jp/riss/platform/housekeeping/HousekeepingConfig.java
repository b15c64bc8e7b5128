package jp.riss.platform.housekeeping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "riss.housekeeping")
public interface HousekeepingConfig {

  @WithDefault("true")
  boolean enabled();

  @WithDefault("1h")
  Duration interval();

  /** Published outbox rows are kept this long for diagnosis, then deleted. */
  @WithDefault("7d")
  Duration sentEvents();

  /**
   * Handled event ids must outlive any redelivery: longer than the topics' retention (Kafka's
   * default is 7 days).
   */
  @WithDefault("30d")
  Duration handledEvents();

  /** How long a client may retry a create with the same Idempotency-Key. */
  @WithDefault("24h")
  Duration idempotencyKeys();

  /**
   * Delivered mail is kept this long to answer "did they get it?" (and for the dev mailbox), then
   * deleted: the messages carry personal addresses and live links.
   */
  @WithDefault("30d")
  Duration sentMail();
}
