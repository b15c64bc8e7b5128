package jp.riss.community.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.platform.mail.MailQueue;
import jp.riss.platform.mail.MailTemplates;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.time.PlatformClock;
import jp.riss.platform.web.Preconditions;

/**
 * The organiser cancels an event: no registration, offer or acceptance follows; everyone with a
 * live registration, and every school or guardian who registered pupils, is mailed at once (in the
 * same transaction, through the platform mail queue); registrations stay, so personal calendars
 * show the event as cancelled instead of losing it.
 */
@ApplicationScoped
public class EventCancellations {

  public record CancellationInput(String reason) {}

  @Inject EntityManager em;
  @Inject Events events;
  @Inject Members members;
  @Inject EventFacts facts;
  @Inject MailQueue mail;
  @Inject MailTemplates templates;

  @Transactional
  public Events.EventView cancel(UUID id, String ifMatch, CancellationInput in, Caller caller) {
    Checks c = Checks.start();
    String reason = c.text("reason", in == null ? null : in.reason(), 500);
    c.throwIfAny();
    CommunityEvent e = events.locked(id);
    if (e.organiser != null && !e.organiser.equals(caller.subject())) {
      throw new ProblemException(
          Problem.of(
              403,
              "not-organiser",
              "Not the organiser",
              "Only the camp-office member who created this event cancels it."));
    }
    Preconditions.requireIfMatch(ifMatch, e.version);
    if ("cancelled".equals(e.state)) {
      throw ProblemException.conflict(
          "event-cancelled", "Event cancelled", "This event is already cancelled.");
    }
    OffsetDateTime now = members.now();
    boolean wasOpen = "open".equals(e.state);
    e.state = "cancelled";
    e.cancelledAt = now;
    e.cancellationReason = reason;
    em.flush();
    if (wasOpen) {
      notifyRegistrants(e, reason, now);
    }
    facts.record(e, EventFacts.Change.CANCELLED);
    return events.view(e, caller);
  }

  private void notifyRegistrants(CommunityEvent e, String reason, OffsetDateTime now) {
    String starts =
        e.startsAt
            .atZoneSameInstant(PlatformClock.JAPAN)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    @SuppressWarnings("unchecked")
    List<UUID> registrants =
        em.createNativeQuery(
                "SELECT person_id FROM event_registration WHERE event_id = ?1"
                    + " AND state IN ('confirmed', 'waitlisted', 'offered')")
            .setParameter(1, e.id)
            .getResultList();
    for (UUID personId : registrants) {
      Person p = em.find(Person.class, personId);
      send(p.email, p.shownName(), e, starts, reason, now);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> organisers =
        em.createNativeQuery(
                "SELECT organiser_email, organiser_name FROM pupil_registration WHERE event_id = ?1")
            .setParameter(1, e.id)
            .getResultList();
    for (Object[] o : organisers) {
      send((String) o[0], (String) o[1], e, starts, reason, now);
    }
  }

  private void send(
      String to, String name, CommunityEvent e, String starts, String reason, OffsetDateTime now) {
    MailTemplates.Rendered m =
        templates.render(
            "event-cancelled",
            Map.of("name", name, "title", e.title, "starts", starts, "reason", reason));
    mail.send(to, m.subject(), m.body(), now);
  }
}
