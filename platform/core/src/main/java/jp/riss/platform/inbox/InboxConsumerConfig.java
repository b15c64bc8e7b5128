package jp.riss.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "riss.inbox")
public interface InboxConsumerConfig {

  @WithDefault("true")
  boolean enabled();

  /** Attempts for an event whose handler fails before it goes to the dead-letter topic. */
  @WithDefault("5")
  int maxAttempts();

  @WithDefault("200ms")
  Duration retryBackoff();
}
