package jp.riss.activelist.changes;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.listing.EffectiveAvailability;
import jp.riss.activelist.listing.ListingTouched;
import org.jboss.logging.Logger;

/**
 * "Not accepting until" a date ends after that date without anyone touching the listing, so no
 * write path would tell the feed. Hourly, each published listing whose last feed entry still says
 * NOT_ACCEPTING although its date has passed is touched: the change feed then records it accepting
 * again (entry, event, webhooks) like any other public change.
 */
@ApplicationScoped
public class AvailabilityEnds {

  @Inject Clock clock;

  private static final Logger LOG = Logger.getLogger(AvailabilityEnds.class);

  @Inject EntityManager em;
  @Inject Event<ListingTouched> touched;

  @Scheduled(
      identity = "availability-ends",
      every = "${riss.changes.availability-ends-every:1h}",
      delayed = "${riss.changes.availability-ends-first-run-after:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void hourly() {
    int touchedListings = run();
    if (touchedListings > 0) {
      LOG.infof("availability: %d listings accept inquiries again", touchedListings);
    }
  }

  /**
   * @return how many listings' "not accepting until" had ended since the feed last showed them
   */
  @Transactional
  public int run() {
    @SuppressWarnings("unchecked")
    List<UUID> ended =
        em.createNativeQuery(
                "SELECT l.id FROM listing l CROSS JOIN LATERAL (SELECT c.payload FROM listing_change c"
                    + " WHERE c.listing_id = l.id ORDER BY c.seq DESC LIMIT 1) last"
                    + " WHERE l.status = 'PUBLISHED' AND l.availability = 'NOT_ACCEPTING'"
                    + " AND l.unavailable_until < ?1"
                    + " AND last.payload -> 'availability' ->> 'status' = 'NOT_ACCEPTING'",
                UUID.class)
            .setParameter(1, EffectiveAvailability.today(clock))
            .getResultList();
    ended.forEach(id -> touched.fire(new ListingTouched(id)));
    return ended.size();
  }
}
