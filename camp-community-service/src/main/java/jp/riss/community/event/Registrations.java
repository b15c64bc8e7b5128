package jp.riss.community.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.member.AgeBand;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.member.Scope;
import jp.riss.community.support.Checks;
import jp.riss.community.support.Times;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Cursors;

/**
 * Members' registrations: {@code requested → confirmed} while seats are free and nobody waits, else
 * {@code waitlisted} while the waitlist has room. A freed seat is {@code offered} to the first
 * person waiting, who has a limited time to accept before it passes on. Every write takes the
 * event's row lock first, so two registrations never see the same free seat and the waitlist is in
 * the order the lock was granted.
 */
@ApplicationScoped
public class Registrations {

  static final Set<String> ATTENDANCE = Set.of("in-person", "online");
  private static final String COLUMNS =
      "r.id, r.event_id, e.title, r.state, r.attendance, r.offer_expires_at, r.requested_at,"
          + " r.arrival, (SELECT count(*) FROM event_registration w WHERE w.event_id = r.event_id"
          + "   AND w.state = 'waitlisted' AND w.arrival <= r.arrival)";

  /** What a member sends; attendance only matters for events held both in person and online. */
  public record RegistrationInput(String attendance) {}

  /** A registration; {@code waitlistPosition} counts from 1 while waitlisted. */
  public record RegistrationView(
      UUID id,
      UUID eventId,
      String eventTitle,
      String state,
      String attendance,
      Integer waitlistPosition,
      OffsetDateTime offerExpiresAt,
      OffsetDateTime requestedAt) {}

  /** The camp office's list: who, in arrival order. */
  public record Attendee(
      UUID id,
      UUID memberId,
      String displayName,
      String ageBand,
      String state,
      String attendance,
      Integer waitlistPosition,
      OffsetDateTime offerExpiresAt,
      OffsetDateTime requestedAt) {}

  public record Page<T>(List<T> items, String next) {}

  /** The cursor of the camp office's list: the last arrival shown. */
  public record After(long arrival) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Events events;
  @Inject EventSeats seats;
  @Inject EventFacts facts;
  @Inject jp.riss.community.audience.Audiences audiences;

  @Transactional
  public RegistrationView register(String subject, UUID eventId, RegistrationInput input) {
    Member member = members.active(subject);
    // Lock first, so that everything below reads the event as it is while seats are decided.
    CommunityEvent e = events.locked(eventId);
    if ("draft".equals(e.state)) {
      throw ProblemException.notFound("event " + eventId);
    }
    String attendance = attendance(e, input);
    admit(member, e, attendance);
    seats.fill(e);
    Number live =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM event_registration WHERE event_id = ?1 AND person_id = ?2"
                        + " AND state IN ('confirmed', 'waitlisted', 'offered')")
                .setParameter(1, e.id)
                .setParameter(2, member.person().id)
                .getSingleResult();
    if (live.intValue() > 0) {
      throw ProblemException.conflict(
          "already-registered",
          "Already registered",
          "You are registered for this event; see GET /api/v1/community/alumni/me/registrations.");
    }
    Events.Seats now = seats.count(e.id);
    String state;
    if (now.confirmed() + now.offered() + now.pupils() < e.capacity && now.waitlisted() == 0) {
      state = "confirmed";
    } else if (now.waitlisted() < e.waitlistLength) {
      state = "waitlisted";
    } else {
      throw ProblemException.conflict(
          "event-full", "Event full", "Every seat and every waitlist place is taken.");
    }
    UUID id = UUID.randomUUID();
    OffsetDateTime at = members.now();
    em.createNativeQuery(
            "INSERT INTO event_registration (id, event_id, person_id, attendance, state,"
                + " requested_at, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)")
        .setParameter(1, id)
        .setParameter(2, e.id)
        .setParameter(3, member.person().id)
        .setParameter(4, attendance)
        .setParameter(5, state)
        .setParameter(6, at)
        .executeUpdate();
    facts.record(e, EventFacts.Change.REGISTERED);
    return one(id);
  }

  /** Cancels the member's own registration; a seat it held is offered to the next in line. */
  @Transactional
  public RegistrationView cancel(String subject, UUID id) {
    return move(
        subject,
        id,
        EventFacts.Change.REGISTRATION_CANCELLED,
        "'cancelled'",
        "'confirmed', 'waitlisted', 'offered'",
        ProblemException.conflict(
            "registration-ended", "Registration ended", "This registration is no longer live."));
  }

  /** Takes an offered seat, if the offer has not expired. */
  @Transactional
  public RegistrationView accept(String subject, UUID id) {
    return move(
        subject,
        id,
        EventFacts.Change.SEAT_ACCEPTED,
        "'confirmed'",
        "'offered'",
        ProblemException.conflict(
            "no-open-offer",
            "No open offer",
            "There is no seat on offer for this registration (never offered, taken or expired)."));
  }

  /**
   * Moves the member's own registration from one of {@code from} to {@code to} under the event's
   * lock, after expired offers are passed on, and offers any seat that frees up.
   */
  private RegistrationView move(
      String subject,
      UUID id,
      EventFacts.Change change,
      String to,
      String from,
      ProblemException otherwise) {
    Member member = members.active(subject);
    CommunityEvent e = events.locked(own(member, id).eventId());
    if ("cancelled".equals(e.state) && change == EventFacts.Change.SEAT_ACCEPTED) {
      throw ProblemException.conflict(
          "event-cancelled", "Event cancelled", "The organiser cancelled this event.");
    }
    seats.fill(e);
    int changed =
        em.createNativeQuery(
                "UPDATE event_registration SET state = "
                    + to
                    + ", offer_expires_at = NULL, changed_at = ?2 WHERE id = ?1 AND state IN ("
                    + from
                    + ")")
            .setParameter(1, id)
            .setParameter(2, members.now())
            .executeUpdate();
    if (changed == 0) {
      throw otherwise;
    }
    seats.fill(e);
    if (!"cancelled".equals(e.state)) {
      facts.record(e, change);
    }
    return one(id);
  }

  /** Lets offers expire and passes seats on, for one event (the scheduled sweep calls this). */
  @Transactional
  public void sweep(UUID eventId) {
    seats.fill(events.locked(eventId));
  }

  @Transactional
  public Page<RegistrationView> mine(String subject, String cursor, int limit, UriInfo uri) {
    Member member = members.active(subject);
    After after = cursor == null ? null : Cursors.decode(cursor, After.class);
    List<UUID> events =
        ids(
            "SELECT DISTINCT r.event_id FROM event_registration r WHERE r.person_id = ?1"
                + " AND r.state IN ('confirmed', 'waitlisted', 'offered') AND EXISTS (SELECT 1"
                + " FROM event_registration o WHERE o.event_id = r.event_id"
                + " AND o.state = 'offered' AND o.offer_expires_at <= ?2)",
            member.person().id,
            members.now());
    events.forEach(this::sweep);
    List<RegistrationView> rows =
        views(
            "SELECT "
                + COLUMNS
                + " FROM event_registration r JOIN community_event e ON e.id = r.event_id"
                + " WHERE r.person_id = ?1 AND r.arrival > ?2 ORDER BY r.arrival LIMIT ?3",
            member.person().id,
            after == null ? 0L : after.arrival(),
            limit + 1);
    return page(rows, limit, uri, this::arrivalOf);
  }

  @Transactional
  public Page<Attendee> attendees(UUID eventId, String cursor, int limit, UriInfo uri) {
    After after = cursor == null ? null : Cursors.decode(cursor, After.class);
    seats.fill(events.locked(eventId));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT r.id, p.id, p.display_name, p.date_of_birth, r.state, r.attendance,"
                    + " (SELECT count(*) FROM event_registration w WHERE w.event_id = r.event_id"
                    + "   AND w.state = 'waitlisted' AND w.arrival <= r.arrival),"
                    + " r.offer_expires_at, r.requested_at, r.arrival"
                    + " FROM event_registration r JOIN person p ON p.id = r.person_id"
                    + " WHERE r.event_id = ?1 AND r.arrival > ?2 ORDER BY r.arrival LIMIT ?3")
            .setParameter(1, eventId)
            .setParameter(2, after == null ? 0L : after.arrival())
            .setParameter(3, limit + 1)
            .getResultList();
    List<Attendee> items =
        rows.stream()
            .limit(limit)
            .map(
                r ->
                    new Attendee(
                        (UUID) r[0],
                        (UUID) r[1],
                        r[2] == null ? "修了生" : (String) r[2],
                        AgeBand.of((java.time.LocalDate) r[3], members.today()).code,
                        (String) r[4],
                        (String) r[5],
                        "waitlisted".equals(r[4]) ? ((Number) r[6]).intValue() : null,
                        Times.of(r[7]),
                        Times.of(r[8])))
            .toList();
    String next =
        rows.size() > limit
            ? Cursors.nextLink(uri, new After(((Number) rows.get(limit - 1)[9]).longValue()))
            : null;
    return new Page<>(items, next);
  }

  private long arrivalOf(RegistrationView v) {
    return ((Number)
            em.createNativeQuery("SELECT arrival FROM event_registration WHERE id = ?1")
                .setParameter(1, v.id())
                .getSingleResult())
        .longValue();
  }

  private <T> Page<T> page(
      List<T> rows, int limit, UriInfo uri, java.util.function.ToLongFunction<T> arrival) {
    String next =
        rows.size() > limit
            ? Cursors.nextLink(uri, new After(arrival.applyAsLong(rows.get(limit - 1))))
            : null;
    return new Page<>(rows.stream().limit(limit).toList(), next);
  }

  /** Attendance as the event's format allows: required (and one of two) only for {@code both}. */
  private static String attendance(CommunityEvent e, RegistrationInput input) {
    Checks checks = Checks.start();
    String given = input == null ? null : input.attendance();
    if (!"both".equals(e.format)) {
      if (given != null && !given.equals(e.format)) {
        checks.reject("attendance", "must be " + e.format + " for this event");
      }
      checks.throwIfAny();
      return e.format;
    }
    String chosen = checks.oneOf("attendance", given, ATTENDANCE);
    checks.throwIfAny();
    return chosen;
  }

  /** The audience, the window and, for members under 18, the consent scope that fits. */
  private void admit(Member member, CommunityEvent e, String attendance) {
    if (e.youthLecture()) {
      throw new ProblemException(
          Problem.of(
              409,
              "pupils-only",
              "Registered by schools and guardians",
              "A youth lecture's participants are pupils, registered as a headcount by a school"
                  + " or guardian; lecturers are assigned by the camp office."));
    }
    if (!"open".equals(e.state)) {
      throw ProblemException.conflict(
          "registration-closed", "Registration closed", "The event is not open for registration.");
    }
    OffsetDateTime now = members.now();
    if (now.isBefore(e.registrationOpensAt) || !now.isBefore(e.registrationClosesAt)) {
      throw ProblemException.conflict(
          "outside-registration-window",
          "Outside the registration window",
          "Registration is open from "
              + e.registrationOpensAt.withOffsetSameInstant(e.offset())
              + " until "
              + e.registrationClosesAt.withOffsetSameInstant(e.offset())
              + ".");
    }
    if (!audiences.admits(e.audience.value(), member)) {
      throw notInAudience("The event is for other programmes, completion years or age bands.");
    }
    if (member.minor()) {
      member.require("online".equals(attendance) ? Scope.EVENTS_ONLINE : Scope.EVENTS_IN_PERSON);
    }
  }

  private static ProblemException notInAudience(String detail) {
    return new ProblemException(Problem.of(403, "not-in-audience", "Not in the audience", detail));
  }

  private RegistrationView own(Member member, UUID id) {
    List<RegistrationView> found =
        views(
            "SELECT "
                + COLUMNS
                + " FROM event_registration r JOIN community_event e ON e.id = r.event_id"
                + " WHERE r.id = ?1 AND r.person_id = ?2",
            id,
            member.person().id);
    if (found.isEmpty()) {
      throw ProblemException.notFound("registration " + id);
    }
    return found.get(0);
  }

  private RegistrationView one(UUID id) {
    return views(
            "SELECT "
                + COLUMNS
                + " FROM event_registration r JOIN community_event e ON e.id = r.event_id"
                + " WHERE r.id = ?1",
            id)
        .get(0);
  }

  @SuppressWarnings("unchecked")
  private List<UUID> ids(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    return q.getResultList();
  }

  @SuppressWarnings("unchecked")
  private List<RegistrationView> views(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    List<Object[]> rows = q.getResultList();
    return rows.stream()
        .map(
            r ->
                new RegistrationView(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    "waitlisted".equals(r[3]) ? ((Number) r[8]).intValue() : null,
                    Times.of(r[5]),
                    Times.of(r[6])))
        .toList();
  }
}
