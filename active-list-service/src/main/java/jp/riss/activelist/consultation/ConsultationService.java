package jp.riss.activelist.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.cancellation.Cancellation;
import jp.riss.activelist.consultation.ConsultationRequests.NewEvent;
import jp.riss.activelist.consultation.ConsultationRequests.NewRegistration;
import jp.riss.activelist.consultation.ConsultationRequests.NewSlot;
import jp.riss.activelist.consultation.ConsultationRequests.Outcome;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.shortlist.Caller;
import jp.riss.activelist.shortlist.MatchingReferences;
import jp.riss.activelist.shortlist.SmeProfile;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Ids;

/**
 * Consultation events: the support body invites specialists, registers SMEs and books individual
 * consultations; specialists answer their invitations; outcomes are recorded per consultation.
 */
@ApplicationScoped
public class ConsultationService {

  @Inject Clock clock;
  @Inject ConsultationAccess access;

  @Inject MatchingReferences references;

  @Transactional
  public ConsultationEvent create(Caller caller, NewEvent request) {
    List<Problem.Violation> violations = new ArrayList<>();
    if (!request.endsAt().isAfter(request.startsAt())) {
      violations.add(new Problem.Violation("endsAt", "must be after startsAt"));
    }
    if (!request.online() && (request.venue() == null || request.venue().isBlank())) {
      violations.add(new Problem.Violation("venue", "is required unless the event is online"));
    }
    List<String> invited =
        request.invitedListingIds() == null ? List.of() : request.invitedListingIds();
    List<UUID> listingIds = new ArrayList<>();
    for (int i = 0; i < invited.size(); i++) {
      String field = "invitedListingIds[" + i + "]";
      UUID listingId = uuidOrNull(invited.get(i));
      Listing listing = listingId == null ? null : Listing.findById(listingId);
      if (listingId == null) {
        violations.add(new Problem.Violation(field, "must be a UUID"));
      } else if (listing == null || listing.status != ListingStatus.PUBLISHED) {
        violations.add(new Problem.Violation(field, "is not a published listing"));
      } else if (listingIds.contains(listingId)) {
        violations.add(new Problem.Violation(field, "is invited twice"));
      } else {
        listingIds.add(listingId);
      }
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    ConsultationEvent event = new ConsultationEvent();
    event.id = UUID.randomUUID();
    event.ownerSubject = caller.subject();
    event.title = request.title().strip();
    event.startsAt = request.startsAt();
    event.endsAt = request.endsAt();
    event.venue = request.venue() == null || request.venue().isBlank() ? null : request.venue();
    event.online = request.online();
    event.createdAt = now();
    event.persist();
    for (UUID listingId : listingIds) {
      Invitation invitation = new Invitation();
      invitation.eventId = event.id;
      invitation.listingId = listingId;
      invitation.status = Invitation.Status.INVITED;
      invitation.persist();
    }
    event.flush();
    return event;
  }

  /** The invited specialist confirms or declines, once. */
  @Transactional
  public ConsultationEvent answer(
      UUID eventId, UUID listingId, Caller caller, Invitation.Status answer) {
    ConsultationEvent event = access.require(eventId, caller);
    notCancelled(event);
    Listing listing = Listing.findById(listingId);
    Invitation invitation =
        Invitation.find("eventId = ?1 and listingId = ?2", eventId, listingId)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResult();
    if (invitation == null || listing == null || !caller.owns(listing)) {
      throw ProblemException.notFound("invitation of listing " + listingId);
    }
    if (invitation.status != Invitation.Status.INVITED) {
      throw ProblemException.conflict(
          "invalid-transition",
          "Invitation already answered",
          "This invitation was already " + invitation.status + ".");
    }
    invitation.status = answer;
    invitation.respondedAt = now();
    return event;
  }

  /** Registers an SME; the event row is locked so no registration slips past a cancellation. */
  @Transactional
  public Registration register(UUID eventId, Caller caller, NewRegistration request) {
    ConsultationEvent event = access.requireOwned(eventId, caller);
    notCancelled(event);
    List<Problem.Violation> violations =
        references.check(
            "",
            new SmeProfile(
                request.companyName(),
                request.industry(),
                request.prefecture(),
                request.sizeBand(),
                request.themes(),
                null,
                false));
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    Registration registration = new Registration();
    registration.id = UUID.randomUUID();
    registration.eventId = event.id;
    registration.companyName = request.companyName().strip();
    registration.industry = request.industry();
    registration.prefecture = request.prefecture();
    registration.sizeBand = request.sizeBand();
    registration.themes = request.themes().stream().distinct().toArray(Integer[]::new);
    registration.createdAt = now();
    registration.persistAndFlush();
    return registration;
  }

  /**
   * Books an individual consultation. The event row is locked so two bookings of one event are
   * checked one after the other; a specialist is also never booked twice at once across events.
   */
  @Transactional
  public Slot book(UUID eventId, Caller caller, NewSlot request) {
    ConsultationEvent event = access.requireOwned(eventId, caller);
    notCancelled(event);
    UUID registrationId = Ids.uuid("registrationId", request.registrationId());
    UUID listingId = Ids.uuid("listingId", request.listingId());
    List<Problem.Violation> violations = new ArrayList<>();
    if (!request.endsAt().isAfter(request.startsAt())) {
      violations.add(new Problem.Violation("endsAt", "must be after startsAt"));
    } else if (request.startsAt().isBefore(event.startsAt)
        || request.endsAt().isAfter(event.endsAt)) {
      violations.add(new Problem.Violation("startsAt", "is outside the event's time"));
    }
    Registration registration = Registration.findById(registrationId);
    if (registration == null || !registration.eventId.equals(eventId)) {
      violations.add(new Problem.Violation("registrationId", "is not registered for this event"));
    }
    Invitation invitation =
        Invitation.find("eventId = ?1 and listingId = ?2", eventId, listingId).firstResult();
    if (invitation == null) {
      violations.add(new Problem.Violation("listingId", "is not invited to this event"));
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    if (invitation.status != Invitation.Status.CONFIRMED) {
      throw ProblemException.conflict(
          "specialist-not-confirmed",
          "Specialist not confirmed",
          "Individual consultations are booked with specialists who confirmed their invitation.");
    }
    // Only booked slots hold anyone's time; cancelling an event cancels its slots, so slots of
    // cancelled events are left out by the same condition.
    String overlap = "status = ?4 and startsAt < ?2 and endsAt > ?3";
    if (Slot.count(
            "listingId = ?1 and " + overlap,
            listingId,
            request.endsAt(),
            request.startsAt(),
            Slot.Status.BOOKED)
        > 0) {
      throw doubleBooked("The specialist already has a consultation at that time.");
    }
    if (Slot.count(
            "registrationId = ?1 and " + overlap,
            registrationId,
            request.endsAt(),
            request.startsAt(),
            Slot.Status.BOOKED)
        > 0) {
      throw doubleBooked("The SME already has a consultation at that time.");
    }
    Slot slot = new Slot();
    slot.id = UUID.randomUUID();
    slot.eventId = eventId;
    slot.registrationId = registrationId;
    slot.listingId = listingId;
    slot.startsAt = request.startsAt();
    slot.endsAt = request.endsAt();
    slot.createdAt = now();
    slot.persistAndFlush();
    return slot;
  }

  private static UUID uuidOrNull(String value) {
    try {
      return Ids.uuid("id", value);
    } catch (ProblemException e) {
      return null;
    }
  }

  private static ProblemException doubleBooked(String detail) {
    return ProblemException.conflict("slot-double-booked", "Double booking", detail);
  }

  /** The slot's specialist or the event's support body records the outcome, once. */
  @Transactional
  public Slot recordOutcome(UUID eventId, UUID slotId, Caller caller, Outcome outcome) {
    ConsultationEvent event = access.require(eventId, caller);
    Slot slot = requireSlot(event, slotId, caller);
    notCancelled(event);
    notCancelled(slot);
    List<Problem.Violation> violations =
        new ArrayList<>(references.checkThemes("priorities", outcome.priorities()));
    if (new HashSet<>(outcome.priorities()).size() != outcome.priorities().size()) {
      violations.add(new Problem.Violation("priorities", "must name each theme once"));
    }
    if (!references.followUpCodes().contains(outcome.followUp())) {
      violations.add(new Problem.Violation("followUp", "is not a follow-up code"));
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    if (slot.outcomeRecordedAt != null) {
      throw ProblemException.conflict(
          "outcome-recorded",
          "Outcome recorded",
          "This consultation's outcome is already recorded.");
    }
    slot.issues = outcome.issues().stream().map(String::strip).toArray(String[]::new);
    slot.priorities = outcome.priorities().toArray(Integer[]::new);
    slot.followUp = outcome.followUp();
    slot.outcomeRecordedAt = now();
    return slot;
  }

  /**
   * Cancels an event before it starts: the event and all its booked slots become CANCELLED with the
   * same time and reason, so they stop holding anyone's time. Its support body or IPA; an invited
   * specialist sees the event but may not cancel it (403), anyone else gets 404.
   */
  @Transactional
  public ConsultationEvent cancel(UUID eventId, Caller caller, Cancellation cancellation) {
    ConsultationEvent event = access.require(eventId, caller, true);
    if (!access.runs(event, caller) && !caller.isIpa()) {
      throw ProblemException.forbidden("Only the event's support body or IPA cancels an event.");
    }
    notCancelled(event);
    OffsetDateTime now = now();
    if (!now.isBefore(event.startsAt)) {
      throw ProblemException.conflict(
          "event-started",
          "Event already started",
          "An event can be cancelled only before it starts; this one started at "
              + event.startsAt
              + ".");
    }
    event.status = ConsultationEvent.Status.CANCELLED;
    event.cancelledAt = now;
    event.cancellationReason = cancellation.stripped();
    event.persistAndFlush();
    Slot.update(
        "status = ?1, cancelledAt = ?2, cancellationReason = ?3 where eventId = ?4 and status = ?5",
        Slot.Status.CANCELLED,
        now,
        event.cancellationReason,
        event.id,
        Slot.Status.BOOKED);
    return event;
  }

  /**
   * Cancels one individual consultation (also when the SME drops out, reported by the support
   * body): the specialist's and the SME's time is free again. The event's support body or the
   * slot's specialist; not once its outcome is recorded.
   */
  @Transactional
  public Slot cancelSlot(UUID eventId, UUID slotId, Caller caller, Cancellation cancellation) {
    ConsultationEvent event = access.require(eventId, caller);
    Slot slot = requireSlot(event, slotId, caller);
    notCancelled(event);
    notCancelled(slot);
    if (slot.outcomeRecordedAt != null) {
      throw ProblemException.conflict(
          "outcome-recorded",
          "Outcome recorded",
          "This consultation took place and its outcome is recorded; it can no longer be"
              + " cancelled.");
    }
    slot.status = Slot.Status.CANCELLED;
    slot.cancelledAt = now();
    slot.cancellationReason = cancellation.stripped();
    slot.persistAndFlush();
    return slot;
  }

  /**
   * The slot, locked, if it belongs to the event and the caller sees it (runs or is its
   * specialist).
   */
  private Slot requireSlot(ConsultationEvent event, UUID slotId, Caller caller) {
    Slot slot = Slot.findById(slotId, LockModeType.PESSIMISTIC_WRITE);
    if (slot == null || !slot.eventId.equals(event.id) || !access.seesSlot(event, slot, caller)) {
      throw ProblemException.notFound("slot " + slotId);
    }
    return slot;
  }

  private static void notCancelled(ConsultationEvent event) {
    if (event.status == ConsultationEvent.Status.CANCELLED) {
      throw ProblemException.conflict(
          "event-cancelled",
          "Event cancelled",
          "This consultation event was cancelled; it takes no further changes.");
    }
  }

  private static void notCancelled(Slot slot) {
    if (slot.status == Slot.Status.CANCELLED) {
      throw ProblemException.conflict(
          "slot-cancelled",
          "Consultation cancelled",
          "This individual consultation was cancelled; it takes no further changes.");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
