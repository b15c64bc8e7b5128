package jp.riss.activelist.changes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.listing.Listing;
import org.jboss.logging.Logger;

/**
 * Listings published before the feed existed have no entry, so no snapshot would show them: at
 * startup each such listing gets an UPSERT of its current state. Afterwards it finds nothing.
 */
@ApplicationScoped
public class ChangeFeedBackfill {

  private static final Logger LOG = Logger.getLogger(ChangeFeedBackfill.class);

  @Inject EntityManager em;
  @Inject PublicChanges publicChanges;
  @Inject ChangeLog log;
  @Inject AgroalDataSource dataSource;

  /** Listings appended per transaction: a large list must not become one long transaction. */
  static final int BATCH = 500;

  /**
   * Runs off the startup thread: a service with many listings published before the feed existed
   * becomes ready at once and fills the feed in batches meanwhile.
   */
  void onStart(@Observes StartupEvent event) {
    Thread worker =
        new Thread(
            () -> {
              try {
                int added = run();
                if (added > 0) {
                  LOG.infof("change feed: added %d listings published before it existed", added);
                }
              } catch (RuntimeException e) {
                LOG.warn("change feed backfill stopped; the next start resumes it", e);
              }
            },
            "change-feed-backfill");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * @return how many listings were added to the feed
   */
  public int run() {
    int total = 0;
    while (true) {
      int added = batch();
      total += added;
      if (added < BATCH) {
        return total;
      }
    }
  }

  private int batch() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<String> missing =
                  em.createNativeQuery(
                          "SELECT CAST(l.id AS text) FROM listing l WHERE l.status = 'PUBLISHED'"
                              + " AND NOT EXISTS (SELECT 1 FROM listing_change c"
                              + " WHERE c.listing_id = l.id) ORDER BY l.published_at, l.id")
                      .setMaxResults(BATCH)
                      .getResultList();
              List<PendingChange> entries = new ArrayList<>();
              for (String id : missing) {
                entries.add(publicChanges.firstEntry(Listing.findById(UUID.fromString(id))));
              }
              if (!entries.isEmpty()) {
                // The transaction's own connection, as its last statements (see ChangeLog.write).
                try (Connection connection = dataSource.getConnection()) {
                  log.write(connection, entries);
                }
              }
              return missing.size();
            });
  }
}
