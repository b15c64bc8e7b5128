package jp.riss.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts one in-process KRaft broker for a module's tests and points the service at it. Tests reach
 * it through {@link #broker()} to stop and restart it.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

  private static volatile KafkaBroker broker;

  public static KafkaBroker broker() {
    if (broker == null) {
      throw new IllegalStateException("KafkaResource has not started");
    }
    return broker;
  }

  @Override
  public synchronized Map<String, String> start() {
    if (broker == null) {
      broker = new KafkaBroker();
    }
    broker.start();
    return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
  }

  @Override
  public synchronized void stop() {
    if (broker != null) {
      broker.stop();
    }
  }
}
