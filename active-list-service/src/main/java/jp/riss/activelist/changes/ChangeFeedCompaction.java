package jp.riss.activelist.changes;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The feed keeps every change for {@code riss.changes.keep-every-change-for} (30 days), then only
 * each listing's latest entry (its public state, or the tombstone that removed it): the table grows
 * with the number of listings, not with every edit ever made, and a CRM system that was away longer
 * still converges, since what it reads is each listing's latest entry. Snapshots are unaffected:
 * they are made of latest entries.
 */
@ApplicationScoped
public class ChangeFeedCompaction {

  @Inject Clock clock;

  private static final Logger LOG = Logger.getLogger(ChangeFeedCompaction.class);

  @Inject EntityManager em;

  @ConfigProperty(name = "riss.changes.keep-every-change-for", defaultValue = "30d")
  Duration keepEveryChangeFor;

  @Scheduled(
      every = "${riss.changes.compaction-every:1h}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    int removed = compact(OffsetDateTime.now(clock).minus(keepEveryChangeFor));
    if (removed > 0) {
      LOG.infof("change feed: compacted %d superseded entries", removed);
    }
  }

  /**
   * Removes the entries committed before {@code before} that a later entry of the same listing
   * supersedes.
   *
   * @return how many were removed
   */
  @Transactional
  public int compact(OffsetDateTime before) {
    return em.createNativeQuery(
            "DELETE FROM listing_change c WHERE c.committed_at < :before"
                + " AND EXISTS (SELECT 1 FROM listing_change later"
                + " WHERE later.listing_id = c.listing_id AND later.seq > c.seq)")
        .setParameter("before", before)
        .executeUpdate();
  }
}
