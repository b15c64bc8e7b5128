package jp.riss.activelist.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import jp.riss.activelist.changes.ChangeFeed;
import jp.riss.activelist.history.ListingHistory;
import jp.riss.activelist.history.ListingHistoryEntry;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingTouched;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.inbox.InboxHandler;
import jp.riss.platform.inbox.PoisonEventException;

/**
 * Marks a specialist's verified training status from the deemed-attendance service's decisions: an
 * approval shows as APPROVED, a revocation (after a sample audit found a false declaration) as
 * REVOKED. The latest decision of each cycle wins, so redelivered or reordered events leave the
 * same state.
 */
@ApplicationScoped
public class DeemedAttendanceEventsHandler implements InboxHandler {

  @Inject Clock clock;

  private static final ListingHistory.Actor SOURCE =
      ListingHistory.Actor.system(VerifiedFacts.DEEMED_ATTENDANCE);

  @Inject ListingHistory history;
  @Inject Event<ListingTouched> touched;
  @Inject ChangeFeed changeFeed;

  @Override
  public String topic() {
    return DeemedAttendanceDecision.TOPIC;
  }

  @Override
  public void handle(CloudEvent event) {
    String status =
        switch (event.type()) {
          case DeemedAttendanceDecision.APPROVED -> "APPROVED";
          case DeemedAttendanceDecision.REVOKED -> "REVOKED";
          default -> null; // submissions and other types are not this service's concern
        };
    if (status == null) {
      return;
    }
    DeemedAttendanceDecision decision;
    try {
      decision = event.dataAs(DeemedAttendanceDecision.class);
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("payload is not a deemed-attendance decision");
    }
    if (decision == null || !decision.isComplete()) {
      throw new PoisonEventException("deemed-attendance decision lacks required fields");
    }
    // Per cycle: a decision about another cycle (an earlier one redelivered, or a new cycle's)
    // never overwrites this cycle's.
    DeemedAttendanceStatus stored =
        DeemedAttendanceStatus.findById(
            new DeemedAttendanceStatus.Key(decision.registrationNumber(), decision.cycleStart()));
    if (stored != null && stored.decidedAt.isAfter(decision.decidedAt())) {
      return;
    }
    String before = stored == null ? null : stored.status;
    DeemedAttendanceStatus current = stored == null ? new DeemedAttendanceStatus() : stored;
    current.registrationNumber = decision.registrationNumber();
    current.applicationId = decision.applicationId();
    current.status = status;
    current.cycleStart = decision.cycleStart();
    current.cycleExpiry = decision.cycleExpiry();
    current.decidedAt = decision.decidedAt();
    current.receivedAt = OffsetDateTime.now(clock);
    current.persist();
    Listing.byRegistrationNumber(decision.registrationNumber())
        .ifPresent(
            listing -> {
              history.record(
                  listing.id,
                  SOURCE,
                  "VERIFIED_FACT_CHANGED",
                  Map.of(
                      "verified.deemedAttendance.status",
                      new ListingHistoryEntry.FieldChange(before, status)),
                  decision.reason(),
                  current.receivedAt);
              changeFeed.append(listing);
              touched.fire(new ListingTouched(listing.id));
            });
  }
}
