package jp.riss.platform.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.riss.platform.kafka.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kafka cluster answers: without it no event leaves or arrives. */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

  @Inject KafkaSettings settings;
  private volatile Admin admin;

  @Override
  public HealthCheckResponse call() {
    try {
      String clusterId =
          admin()
              .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
              .clusterId()
              .get(3, TimeUnit.SECONDS);
      return HealthCheckResponse.named("kafka").up().withData("cluster", clusterId).build();
    } catch (Exception e) {
      return HealthCheckResponse.named("kafka").down().withData("reason", "unreachable").build();
    }
  }

  private Admin admin() {
    if (admin == null) {
      synchronized (this) {
        if (admin == null) {
          admin =
              Admin.create(
                  Map.of(
                      AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                      AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                      AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                      AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
        }
      }
    }
    return admin;
  }

  @PreDestroy
  void close() {
    if (admin != null) {
      admin.close();
    }
  }
}
