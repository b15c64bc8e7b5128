package jp.riss.community.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.riss.community.member.Members;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;

/**
 * Tells other services what happened to an event (opened, cancelled, seats taken or freed), in the
 * same transaction as the change, through the platform outbox; keyed by the event so that one
 * event's facts stay in order.
 */
@ApplicationScoped
public class EventFacts {

  /** What changed, as the event's {@code change} field names it. */
  public enum Change {
    OPENED("opened", EventChanged.OPENED),
    CANCELLED("cancelled", EventChanged.CANCELLED),
    REGISTERED("registered", EventChanged.SEATS_CHANGED),
    REGISTRATION_CANCELLED("registration-cancelled", EventChanged.SEATS_CHANGED),
    SEAT_ACCEPTED("seat-accepted", EventChanged.SEATS_CHANGED);

    final String code;
    final String type;

    Change(String code, String type) {
      this.code = code;
      this.type = type;
    }
  }

  @Inject Outbox outbox;
  @Inject EventSource events;
  @Inject EventSeats seats;
  @Inject Members members;

  /** Call with the event locked, after the change, so that the counts are those it left. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(CommunityEvent e, Change change) {
    Events.Seats now = seats.count(e.id);
    EventChanged data =
        new EventChanged(
            e.id,
            e.kind,
            e.title,
            e.state,
            e.startsAt.withOffsetSameInstant(e.offset()),
            e.endsAt.withOffsetSameInstant(e.offset()),
            e.capacity,
            now.confirmed(),
            now.offered(),
            now.waitlisted(),
            now.pupils(),
            change.code,
            members.now());
    outbox.append(
        EventChanged.TOPIC,
        e.id.toString(),
        events.create(change.type, e.id.toString(), EventChanged.SCHEMA, data));
  }
}
