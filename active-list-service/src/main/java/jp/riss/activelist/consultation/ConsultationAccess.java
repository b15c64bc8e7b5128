package jp.riss.activelist.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.shortlist.Caller;
import jp.riss.platform.problem.ProblemException;

/**
 * Who may see and change a consultation event: the support body that runs it, IPA, and the
 * specialists invited to it (who see only their own invitations and slots). To anyone else an event
 * is not found, like one that does not exist.
 */
@ApplicationScoped
public class ConsultationAccess {

  /** The event if the caller runs it, is invited to it, or is IPA; otherwise 404. */
  public ConsultationEvent require(UUID id, Caller caller) {
    return require(id, caller, false);
  }

  ConsultationEvent require(UUID id, Caller caller, boolean lock) {
    ConsultationEvent event =
        lock
            ? ConsultationEvent.findById(id, LockModeType.PESSIMISTIC_WRITE)
            : ConsultationEvent.findById(id);
    if (event == null || !visible(event, caller)) {
      throw ProblemException.notFound("consultation event " + id);
    }
    return event;
  }

  /** The event, locked, if the caller runs it; otherwise 404. */
  ConsultationEvent requireOwned(UUID id, Caller caller) {
    ConsultationEvent event = ConsultationEvent.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (event == null || !event.ownerSubject.equals(caller.subject())) {
      throw ProblemException.notFound("consultation event " + id);
    }
    return event;
  }

  boolean runs(ConsultationEvent event, Caller caller) {
    return caller.isSupportBody() && event.ownerSubject.equals(caller.subject());
  }

  private boolean visible(ConsultationEvent event, Caller caller) {
    return caller.isIpa() || runs(event, caller) || !invitedListings(event, caller).isEmpty();
  }

  /** The caller's own listings invited to the event (empty for anyone but a specialist). */
  Set<UUID> invitedListings(ConsultationEvent event, Caller caller) {
    Set<UUID> own = new HashSet<>(caller.ownListingIds());
    Set<UUID> invited = new HashSet<>();
    if (own.isEmpty()) {
      return invited;
    }
    Invitation.<Invitation>list("eventId", event.id).stream()
        .map(i -> i.listingId)
        .filter(own::contains)
        .forEach(invited::add);
    return invited;
  }

  boolean seesSlot(ConsultationEvent event, Slot slot, Caller caller) {
    return runs(event, caller) || invitedListings(event, caller).contains(slot.listingId);
  }
}
