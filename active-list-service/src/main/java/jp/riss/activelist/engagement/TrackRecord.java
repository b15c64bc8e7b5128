package jp.riss.activelist.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.history.ListingHistory;
import jp.riss.activelist.history.ListingHistoryEntry;
import jp.riss.activelist.listing.ListingTouched;

/**
 * The listing's verified platform track record (ListingView.verified.platformEngagements): one more
 * completed engagement, with its history entry, in the caller's transaction. A single UPDATE, so
 * concurrent completions for one listing both count and the owner's ETag is left alone.
 */
@ApplicationScoped
class TrackRecord {

  @Inject EntityManager em;
  @Inject ListingHistory history;
  @Inject Event<ListingTouched> touched;

  @Transactional(Transactional.TxType.MANDATORY)
  void engagementCompleted(
      UUID listingId, UUID engagementId, ListingHistory.Actor actor, OffsetDateTime at) {
    int count =
        ((Number)
                em.createNativeQuery(
                        "UPDATE listing SET engagements_completed = engagements_completed + 1,"
                            + " engagements_verified_at = ?2 WHERE id = ?1"
                            + " RETURNING engagements_completed")
                    .setParameter(1, listingId)
                    .setParameter(2, at)
                    .getSingleResult())
            .intValue();
    history.record(
        listingId,
        actor,
        "ENGAGEMENT_COMPLETED",
        Map.of("platformEngagements", new ListingHistoryEntry.FieldChange(count - 1, count)),
        "guidance engagement " + engagementId,
        at);
    touched.fire(new ListingTouched(listingId));
  }
}
