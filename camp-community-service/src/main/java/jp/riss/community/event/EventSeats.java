package jp.riss.community.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.platform.mail.MailQueue;
import jp.riss.platform.mail.MailTemplates;
import jp.riss.platform.time.PlatformClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seats of an event. Every change of seats happens while the caller holds the event's row lock
 * ({@link Events#locked}), so counting and then writing is safe against concurrent registrations.
 */
@ApplicationScoped
public class EventSeats {

  @Inject EntityManager em;
  @Inject Members members;
  @Inject MailQueue mail;
  @Inject MailTemplates templates;

  @ConfigProperty(name = "riss.community.events.offer-validity", defaultValue = "PT48H")
  Duration offerValidity;

  public Events.Seats count(UUID eventId) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*) FILTER (WHERE state = 'confirmed'),"
                        + " count(*) FILTER (WHERE state = 'offered'),"
                        + " count(*) FILTER (WHERE state = 'waitlisted'),"
                        + " (SELECT coalesce(sum(headcount), 0) FROM pupil_registration"
                        + "   WHERE event_id = ?1)"
                        + " FROM event_registration WHERE event_id = ?1")
                .setParameter(1, eventId)
                .getSingleResult();
    return new Events.Seats(
        ((Number) row[0]).intValue(),
        ((Number) row[1]).intValue(),
        ((Number) row[2]).intValue(),
        ((Number) row[3]).intValue());
  }

  /**
   * Expires offers not taken in time, then offers every free seat to the waitlist in arrival order.
   * Call with the event locked.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void fill(CommunityEvent e) {
    OffsetDateTime now = members.now();
    em.createNativeQuery(
            "UPDATE event_registration SET state = 'expired', offer_expires_at = NULL,"
                + " changed_at = ?2 WHERE event_id = ?1 AND state = 'offered'"
                + " AND offer_expires_at <= ?2")
        .setParameter(1, e.id)
        .setParameter(2, now)
        .executeUpdate();
    if (!"open".equals(e.state)) {
      return;
    }
    Events.Seats seats = count(e.id);
    int free = e.capacity - seats.confirmed() - seats.offered() - seats.pupils();
    if (free <= 0 || seats.waitlisted() == 0) {
      return;
    }
    OffsetDateTime expires = now.plus(offerValidity);
    @SuppressWarnings("unchecked")
    List<UUID> offered =
        em.createNativeQuery(
                "UPDATE event_registration SET state = 'offered', offer_expires_at = ?3,"
                    + " changed_at = ?2 WHERE id IN (SELECT id FROM event_registration"
                    + " WHERE event_id = ?1 AND state = 'waitlisted' ORDER BY arrival LIMIT ?4)"
                    + " RETURNING person_id")
            .setParameter(1, e.id)
            .setParameter(2, now)
            .setParameter(3, expires)
            .setParameter(4, free)
            .getResultList();
    String until =
        expires
            .atZoneSameInstant(PlatformClock.JAPAN)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    for (UUID personId : offered) {
      Person p = em.find(Person.class, personId);
      MailTemplates.Rendered m =
          templates.render(
              "event-seat-offered",
              Map.of("name", p.shownName(), "title", e.title, "until", until));
      mail.send(p.email, m.subject(), m.body(), now);
    }
  }
}
