package jp.riss.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "riss.outbox.relay")
public interface OutboxRelayConfig {

  /** Off only for tests that drive the relay by hand. */
  @WithDefault("true")
  boolean enabled();

  /**
   * How often to look for rows when no commit has woken the relay. Every commit that appends events
   * wakes it, so this only finds rows no wake-up announced (left by a crashed instance, written by
   * hand); an idle service asked the database twice a second at 500 ms.
   */
  @WithDefault("5s")
  Duration pollInterval();

  @WithDefault("200")
  int batchSize();

  /** Longest wait between attempts while Kafka is unreachable. */
  @WithDefault("5s")
  Duration maxBackoff();
}
