package jp.riss.community.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Secrets;
import jp.riss.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Calendars: one event as iCalendar, and each member's personal feed of the events they are
 * registered for. Calendar applications cannot send a bearer token, so the feed URL carries a
 * secret token instead; only its SHA-256 is stored, a new one replaces the old, and the member can
 * revoke it.
 */
@ApplicationScoped
public class CalendarFeeds {

  static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The feed URL, shown once when made. */
  public record Feed(String url, OffsetDateTime createdAt) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Events events;

  @ConfigProperty(name = "riss.community.calendar-feed.base")
  String base;

  @Transactional
  public String event(UUID id, Caller caller) {
    CommunityEvent e = events.visible(id, caller);
    return ICalendar.of(e.title, List.of(new ICalendar.Entry(e, "CONFIRMED")), members.now());
  }

  /** Makes the caller's feed URL; any earlier URL stops working. */
  @Transactional
  public Feed create(String subject) {
    Member member = members.active(subject);
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    OffsetDateTime now = members.now();
    em.createNativeQuery(
            "INSERT INTO calendar_feed (person_id, token_hash, created_at) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (person_id) DO UPDATE SET token_hash = ?2, created_at = ?3")
        .setParameter(1, member.person().id)
        .setParameter(2, Secrets.sha256(token))
        .setParameter(3, now)
        .executeUpdate();
    return new Feed(base + token, now);
  }

  @Transactional
  public void revoke(String subject) {
    Person person = members.enrolled(subject);
    em.createNativeQuery("DELETE FROM calendar_feed WHERE person_id = ?1")
        .setParameter(1, person.id)
        .executeUpdate();
  }

  /** The feed a token opens; a malformed token is a 400, an unknown or revoked one a 404. */
  @Transactional
  public String feed(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw ProblemException.badRequest("token", "is not a calendar feed token");
    }
    @SuppressWarnings("unchecked")
    List<UUID> found =
        em.createNativeQuery(
                "SELECT f.person_id FROM calendar_feed f JOIN person p ON p.id = f.person_id"
                    + " WHERE f.token_hash = ?1 AND p.subject IS NOT NULL AND NOT p.banned")
            .setParameter(1, Secrets.sha256(token))
            .getResultList();
    if (found.isEmpty()) {
      throw ProblemException.notFound("calendar feed");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT r.event_id, r.state FROM event_registration r"
                    + " JOIN community_event e ON e.id = r.event_id WHERE r.person_id = ?1"
                    + " AND r.state IN ('confirmed', 'offered', 'waitlisted')"
                    + " ORDER BY e.starts_at, e.id")
            .setParameter(1, found.get(0))
            .getResultList();
    List<ICalendar.Entry> entries =
        rows.stream()
            .map(
                r ->
                    new ICalendar.Entry(
                        em.find(CommunityEvent.class, r[0]),
                        "confirmed".equals(r[1]) ? "CONFIRMED" : "TENTATIVE"))
            .toList();
    return ICalendar.of("セキュリティ・キャンプ修了生コミュニティ", entries, members.now());
  }
}
