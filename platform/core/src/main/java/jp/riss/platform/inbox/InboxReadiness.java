package jp.riss.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while every inbox consumer runs. The consumers are created on their own threads after
 * start-up, so the service is not reported ready before they subscribe, nor after one has stopped
 * on an error (its events would wait unseen).
 */
@Readiness
@ApplicationScoped
public class InboxReadiness implements HealthCheck {

  @Inject InboxConsumers consumers;
  @Inject InboxConsumerConfig config;

  @Override
  public HealthCheckResponse call() {
    List<String> waiting = config.enabled() ? consumers.notConsuming() : List.of();
    return HealthCheckResponse.named("inbox consumers")
        .status(waiting.isEmpty())
        .withData("not consuming", String.join(",", waiting))
        .build();
  }
}
