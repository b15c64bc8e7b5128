package jp.riss.activelist.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import jp.riss.activelist.changes.ChangeFeed;
import jp.riss.activelist.criteria.CriteriaEvaluation;
import jp.riss.activelist.criteria.ListingCriteria;
import jp.riss.activelist.criteria.ListingCriterion;
import jp.riss.activelist.history.ListingHistory;
import jp.riss.activelist.history.ListingHistoryEntry;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.listing.ListingTouched;
import jp.riss.activelist.review.ListingLifecycle;
import jp.riss.activelist.verification.RegistrationChanged;
import jp.riss.activelist.verification.RegistrationFact;
import jp.riss.activelist.verification.VerifiedFacts;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.inbox.InboxHandler;
import jp.riss.platform.inbox.PoisonEventException;

/**
 * Keeps the read model of IPA's registry from its one owner, the deemed-attendance service: each
 * {@code registration-changed} event replaces what is stored when its version is newer (so
 * redelivered or reordered events leave the newest state). Then the listing under that number is
 * rechecked against the criteria that read the registry (validity, courses, who holds the number):
 * a PUBLISHED listing that now fails is suspended and its owner told. Suspended listings are not
 * reinstated by a later passing event: IPA reinstates them, so a person looks first.
 */
@ApplicationScoped
public class RegistrationEventsHandler implements InboxHandler {

  @Inject Clock clock;

  private static final ListingHistory.Actor SOURCE =
      ListingHistory.Actor.system(VerifiedFacts.DEEMED_ATTENDANCE);

  @Inject ListingHistory history;
  @Inject Event<ListingTouched> touched;
  @Inject ChangeFeed changeFeed;
  @Inject ListingCriteria criteria;
  @Inject ListingLifecycle lifecycle;

  @Override
  public String topic() {
    return RegistrationChanged.TOPIC;
  }

  @Override
  public void handle(CloudEvent event) {
    if (!RegistrationChanged.TYPE.equals(event.type())) {
      return; // types added later are not this service's concern
    }
    RegistrationChanged changed;
    try {
      changed = event.dataAs(RegistrationChanged.class);
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("payload is not a registration state");
    }
    if (changed == null || !changed.isComplete()) {
      throw new PoisonEventException("registration state lacks required fields");
    }
    RegistrationFact stored = RegistrationFact.findById(changed.registrationNumber());
    if (stored != null && stored.version >= changed.version()) {
      return;
    }
    Map<String, ListingHistoryEntry.FieldChange> changes = new LinkedHashMap<>();
    String statusBefore = stored == null ? null : stored.status;
    String holderBefore = stored == null ? null : stored.specialistSubject;
    if (!Objects.equals(statusBefore, changed.status())) {
      changes.put(
          "verified.registration.status",
          new ListingHistoryEntry.FieldChange(statusBefore, changed.status()));
    }
    RegistrationFact fact = stored == null ? new RegistrationFact() : stored;
    fact.registrationNumber = changed.registrationNumber();
    fact.specialistSubject = changed.specialistSubject();
    fact.status = changed.status();
    fact.registeredOn = changed.registeredOn();
    fact.cycles = List.copyOf(changed.cycles());
    fact.version = changed.version();
    fact.changedAt = changed.changedAt();
    fact.receivedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    fact.persist();
    boolean holderChanged = !Objects.equals(holderBefore, fact.specialistSubject);
    Listing.byRegistrationNumber(fact.registrationNumber)
        .ifPresent(listing -> recheck(listing, fact, changes, holderChanged, event.id()));
  }

  private void recheck(
      Listing listing,
      RegistrationFact fact,
      Map<String, ListingHistoryEntry.FieldChange> changes,
      boolean holderChanged,
      String eventId) {
    if (holderChanged) {
      // Not the subject itself (never shown): whether the owner holds the number.
      changes.put(
          "verified.registration.heldByOwner",
          new ListingHistoryEntry.FieldChange(null, fact.isHeldBy(listing.ownerSubject)));
    }
    history.record(listing.id, SOURCE, "VERIFIED_FACT_CHANGED", changes, null, fact.receivedAt);
    List<ListingCriterion> registryCriteria = criteria.registryCriteria();
    if (listing.status == ListingStatus.PUBLISHED && !registryCriteria.isEmpty()) {
      CriteriaEvaluation evaluation = criteria.evaluate(listing, fact, registryCriteria, null);
      if (!evaluation.passed()) {
        lifecycle.suspendForRegistry(
            listing, "Registry change " + eventId, UUID.fromString(eventId), evaluation);
        return;
      }
    }
    // Still as listed, with new verified facts: CRM mirrors and the search index follow.
    changeFeed.append(listing);
    touched.fire(new ListingTouched(listing.id));
  }
}
