package jp.riss.activelist.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.shortlist.Caller;
import jp.riss.platform.web.Keyset;

/**
 * Consultation events as the caller may see them: whoever runs the event and IPA see all of it, an
 * invited specialist only their own invitations and slots.
 */
@ApplicationScoped
public class ConsultationViews {

  @Inject ConsultationAccess access;

  /** The events the caller runs, is invited to (specialist), or all (IPA), newest first. */
  @Transactional
  public Keyset.Page<ConsultationEventView> list(Caller caller, int limit, String cursor) {
    StringBuilder query = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (caller.isSpecialist()) {
      List<UUID> own = caller.ownListingIds();
      if (own.isEmpty()) {
        return new Keyset.Page<>(List.of(), null);
      }
      query.append(" and id in (select i.eventId from Invitation i where i.listingId in :own)");
      params.put("own", own);
    } else if (caller.isSupportBody()) {
      query.append(" and ownerSubject = :subject");
      params.put("subject", caller.subject());
    }
    Keyset.Order.NEWEST_FIRST.appendTo(query, params, Keyset.decode(cursor), "startsAt", "id");
    return Keyset.page(
            ConsultationEvent.<ConsultationEvent>find(query.toString(), params)
                .page(0, limit + 1)
                .list(),
            limit,
            e -> e.startsAt,
            e -> e.id)
        .map(e -> view(e, caller));
  }

  /** One event the caller may see; 404 otherwise. */
  @Transactional
  public ConsultationEventView show(UUID id, Caller caller) {
    return view(access.require(id, caller), caller);
  }

  /** The event as the caller may see it. */
  @Transactional
  public ConsultationEventView view(ConsultationEvent event, Caller caller) {
    boolean all = caller.isIpa() || access.runs(event, caller);
    Set<UUID> mine = all ? Set.of() : access.invitedListings(event, caller);
    List<Invitation> invitations =
        Invitation.<Invitation>list("eventId", event.id).stream()
            .filter(i -> all || mine.contains(i.listingId))
            .sorted((a, b) -> a.listingId.toString().compareTo(b.listingId.toString()))
            .toList();
    Map<UUID, String> names = new HashMap<>();
    invitations.forEach(
        i -> names.put(i.listingId, Listing.<Listing>findById(i.listingId).displayName));
    List<Slot> slots =
        Slot.<Slot>list("eventId = ?1 order by startsAt, id", event.id).stream()
            .filter(s -> all || mine.contains(s.listingId))
            .toList();
    Set<UUID> slotSmes = new HashSet<>();
    slots.forEach(s -> slotSmes.add(s.registrationId));
    List<ConsultationEventView.RegistrationView> registrations =
        Registration.<Registration>list("eventId = ?1 order by createdAt, id", event.id).stream()
            .filter(r -> all || slotSmes.contains(r.id))
            .map(ConsultationEventView.RegistrationView::of)
            .toList();
    return new ConsultationEventView(
        event.id,
        event.title,
        event.startsAt,
        event.endsAt,
        event.venue,
        event.online,
        event.status,
        event.cancelledAt,
        event.cancellationReason,
        invitations.stream()
            .map(
                i ->
                    new ConsultationEventView.InvitationView(
                        i.listingId, names.get(i.listingId), i.status, i.respondedAt))
            .toList(),
        registrations,
        slots.stream().map(ConsultationEventView.SlotView::of).toList(),
        event.version);
  }
}
