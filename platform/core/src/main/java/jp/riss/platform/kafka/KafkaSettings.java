package jp.riss.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Kafka connection settings shared by the relay, the inbox consumers and readiness. */
@ConfigMapping(prefix = "kafka")
public interface KafkaSettings {

  @WithName("bootstrap.servers")
  String bootstrapServers();

  /** How long a send may wait for metadata or acknowledgement before the relay backs off. */
  @WithName("riss.send-timeout")
  @WithDefault("10s")
  Duration sendTimeout();
}
