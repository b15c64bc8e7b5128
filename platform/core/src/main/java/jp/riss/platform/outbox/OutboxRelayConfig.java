package jp.riss.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "riss.outbox.relay")
public interface OutboxRelayConfig {

  /** Off only for tests that drive the relay by hand. */
  @WithDefault("true")
  boolean enabled();

  /** How often to look for rows when no commit has woken the relay. */
  @WithDefault("500ms")
  Duration pollInterval();

  @WithDefault("200")
  int batchSize();

  /** Longest wait between attempts while Kafka is unreachable. */
  @WithDefault("5s")
  Duration maxBackoff();
}
