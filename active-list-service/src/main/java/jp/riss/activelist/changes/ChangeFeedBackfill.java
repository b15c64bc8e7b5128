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
import java.util.concurrent.CompletableFuture;
import jp.riss.activelist.listing.Listing;
import org.hibernate.FlushMode;
import org.hibernate.Session;
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

  /**
   * Listings appended per transaction. Small, so that a batch's transaction stays far inside the
   * transaction timeout on a busy machine. One that outlives it is rolled back by the transaction
   * manager's reaper while the thread still works, and the batch's next query then finds neither a
   * transaction nor (on this thread) a request context: {@code ContextNotActiveException}, and the
   * backfill stopped until the next start. Activating a request context would only hide that: the
   * rest of the batch would run outside any transaction.
   */
  static final int BATCH = 100;

  /**
   * Runs off the startup thread: a service with many listings published before the feed existed
   * becomes ready at once and fills the feed in batches meanwhile.
   */
  void onStart(@Observes StartupEvent event) {
    inBackground();
  }

  /**
   * Starts the backfill on a thread of its own, as at startup: no request context, each batch in a
   * transaction of its own.
   *
   * @return completes with how many listings were added, or with what stopped it
   */
  CompletableFuture<Integer> inBackground() {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                int added = run();
                if (added > 0) {
                  LOG.infof("change feed: added %d listings published before it existed", added);
                }
                done.complete(added);
              } catch (RuntimeException e) {
                LOG.warn("change feed backfill stopped; the next start resumes it", e);
                done.completeExceptionally(e);
              }
            },
            "change-feed-backfill");
    worker.setDaemon(true);
    worker.start();
    return done;
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
              // Hibernate only reads here (the entries are written with JDBC below): no
              // snapshots and no flush before each query. With auto-flush every query
              // dirty-checks every entity the batch has loaded, a cost that grows with the square
              // of the batch (500 listings: 4.8-13.8 s against 1.0-2.2 s read-only, measured).
              Session session = em.unwrap(Session.class);
              session.setDefaultReadOnly(true);
              session.setHibernateFlushMode(FlushMode.MANUAL);
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
