package jp.riss.activelist.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Finished deliveries (succeeded, or failed after their retry window) and their attempt logs are
 * kept for {@code riss.webhooks.keep-deliveries-for} (30 days) after they finished, long enough to
 * look into a sync problem and redeliver; then they go, so the log does not grow without end.
 * Pending deliveries are never removed.
 */
@ApplicationScoped
public class DeliveryRetention {

  @Inject Clock clock;

  private static final Logger LOG = Logger.getLogger(DeliveryRetention.class);

  @Inject EntityManager em;
  @Inject WebhookConfig config;

  @Scheduled(
      every = "${riss.webhooks.retention-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    int removed = removeFinishedBefore(OffsetDateTime.now(clock).minus(config.keepDeliveriesFor()));
    if (removed > 0) {
      LOG.infof("webhooks: removed %d finished deliveries past their retention", removed);
    }
  }

  /**
   * Removes deliveries that finished before {@code before}, with their attempts.
   *
   * @return how many deliveries were removed
   */
  @Transactional
  public int removeFinishedBefore(OffsetDateTime before) {
    return em.createNativeQuery(
            "DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND completed_at < :before")
        .setParameter("before", before)
        .executeUpdate();
  }
}
