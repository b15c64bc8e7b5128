package jp.riss.activelist.changes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
  @Inject ChangeFeed feed;

  void onStart(@Observes StartupEvent event) {
    int added = run();
    if (added > 0) {
      LOG.infof("change feed: added %d listings published before it existed", added);
    }
  }

  /**
   * @return how many listings were added to the feed
   */
  public int run() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<String> missing =
                  em.createNativeQuery(
                          "SELECT CAST(l.id AS text) FROM listing l WHERE l.status = 'PUBLISHED'"
                              + " AND NOT EXISTS (SELECT 1 FROM listing_change c"
                              + " WHERE c.listing_id = l.id) ORDER BY l.published_at, l.id")
                      .getResultList();
              for (String id : missing) {
                feed.append(Listing.findById(UUID.fromString(id)));
              }
              return missing.size();
            });
  }
}
