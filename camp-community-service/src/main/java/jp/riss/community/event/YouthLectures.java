package jp.riss.community.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.community.support.Times;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/**
 * Youth lectures (若年層講座): adult alumni who accepted the current code of conduct teach; pupils are
 * not members, so a school or a guardian registers a headcount and leaves only the organiser's
 * contact, which the camp office alone reads.
 */
@ApplicationScoped
public class YouthLectures {

  static final Set<String> ORGANISER_KINDS = Set.of("school", "guardian");

  public record CodeOfConduct(
      String version, LocalDate validFrom, String body, boolean acceptedByMe) {}

  public record Acceptance(String version) {}

  public record NewLecturer(String memberId) {}

  public record PupilInput(
      String organiserKind,
      String organiserName,
      String organisation,
      String organiserEmail,
      Integer headcount) {}

  /** What the organiser gets back: no contact detail is echoed. */
  public record PupilReceipt(UUID id, UUID eventId, int headcount, OffsetDateTime registeredAt) {}

  /** The camp office's list, with the organiser's contact. */
  public record PupilRegistration(
      UUID id,
      String organiserKind,
      String organiserName,
      String organisation,
      String organiserEmail,
      int headcount,
      OffsetDateTime registeredAt) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Events events;
  @Inject EventSeats seats;

  @Transactional
  public CodeOfConduct current(String subject) {
    Person person = members.active(subject).person();
    Object[] row = currentCode();
    String version = (String) row[0];
    return new CodeOfConduct(
        version, (LocalDate) row[1], (String) row[2], accepted(person.id, version));
  }

  /** Records that the member accepted the version in force today (and only that one). */
  @Transactional
  public CodeOfConduct accept(String subject, Acceptance body) {
    Member member = members.active(subject);
    Checks checks = Checks.start();
    String version = checks.text("version", body == null ? null : body.version(), 20);
    checks.throwIfAny();
    Object[] row = currentCode();
    if (!row[0].equals(version)) {
      throw ProblemException.badRequest("version", "is not the code of conduct in force");
    }
    em.createNativeQuery(
            "INSERT INTO code_of_conduct_acceptance (person_id, version, accepted_at)"
                + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
        .setParameter(1, member.person().id)
        .setParameter(2, version)
        .setParameter(3, members.now())
        .executeUpdate();
    return current(subject);
  }

  /** Adds a lecturer: an adult member who accepted the code of conduct in force. */
  @Transactional
  public Events.EventView addLecturer(UUID eventId, NewLecturer body, Caller caller) {
    UUID memberId =
        jp.riss.platform.web.Ids.uuid("memberId", body == null ? null : body.memberId());
    CommunityEvent e = events.locked(eventId);
    if (!e.youthLecture()) {
      throw ProblemException.conflict(
          "not-a-youth-lecture", "Not a youth lecture", "Only youth lectures have lecturers.");
    }
    Person person =
        members
            .byId(memberId)
            .filter(p -> p.subject != null && !p.banned)
            .orElseThrow(() -> ProblemException.notFound("member " + memberId));
    Member member = members.of(person);
    String version = (String) currentCode()[0];
    Checks rules = Checks.start();
    if (member.minor()) {
      rules.reject("memberId", "lecturers are adults");
    }
    if (!accepted(person.id, version)) {
      rules.reject("memberId", "has not accepted the code of conduct " + version);
    }
    if (!rules.ok()) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "not-a-qualified-lecturer",
                  "Not a qualified lecturer",
                  "Youth lecturers are adult alumni who accepted the current code of conduct.")
              .withViolations(rules.violations()));
    }
    em.createNativeQuery(
            "INSERT INTO event_lecturer (event_id, person_id, added_at) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, e.id)
        .setParameter(2, person.id)
        .setParameter(3, members.now())
        .executeUpdate();
    return events.view(e, caller);
  }

  /** A school or guardian registers pupils: seats are taken at once or the request is refused. */
  @Transactional
  public PupilReceipt registerPupils(UUID eventId, PupilInput in) {
    Checks checks = Checks.start();
    if (in == null) {
      checks.reject("body", "is required").throwIfAny();
    }
    String kind = checks.oneOf("organiserKind", in.organiserKind(), ORGANISER_KINDS);
    String name = checks.text("organiserName", in.organiserName(), 100);
    String organisation = checks.optionalText("organisation", in.organisation(), 200);
    String email = checks.email("organiserEmail", in.organiserEmail());
    Integer headcount = checks.integer("headcount", in.headcount(), 1, 200);
    checks.throwIfAny();
    CommunityEvent e = events.locked(eventId);
    if (!e.youthLecture() || "draft".equals(e.state)) {
      throw ProblemException.notFound("youth lecture " + eventId);
    }
    OffsetDateTime now = members.now();
    if (!"open".equals(e.state)
        || now.isBefore(e.registrationOpensAt)
        || !now.isBefore(e.registrationClosesAt)) {
      throw ProblemException.conflict(
          "registration-closed", "Registration closed", "The lecture is not taking registrations.");
    }
    Events.Seats taken = seats.count(e.id);
    int free = e.capacity - taken.confirmed() - taken.offered() - taken.pupils();
    if (headcount > free) {
      throw new ProblemException(
          Problem.of(
                  409, "event-full", "Not enough seats", free + " seats are left for this lecture.")
              .with("seatsLeft", free)
              .withViolations(List.of(new Problem.Violation("headcount", "exceeds " + free))));
    }
    UUID id = UUID.randomUUID();
    em.createNativeQuery(
            "INSERT INTO pupil_registration (id, event_id, organiser_kind, organiser_name,"
                + " organiser_email, organisation, headcount, registered_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, id)
        .setParameter(2, e.id)
        .setParameter(3, kind)
        .setParameter(4, name)
        .setParameter(5, email)
        .setParameter(6, organisation)
        .setParameter(7, headcount)
        .setParameter(8, now)
        .executeUpdate();
    return new PupilReceipt(id, e.id, headcount, now);
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public List<PupilRegistration> pupils(UUID eventId) {
    events.visible(eventId, new Caller(null, true, false));
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, organiser_kind, organiser_name, organisation, organiser_email,"
                    + " headcount, registered_at FROM pupil_registration WHERE event_id = ?1"
                    + " ORDER BY registered_at, id LIMIT 1000")
            .setParameter(1, eventId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new PupilRegistration(
                    (UUID) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    ((Number) r[5]).intValue(),
                    Times.of(r[6])))
        .toList();
  }

  private Object[] currentCode() {
    return (Object[])
        em.createNativeQuery(
                "SELECT version, valid_from, body_ja FROM code_of_conduct WHERE valid_from <= ?1"
                    + " ORDER BY valid_from DESC LIMIT 1")
            .setParameter(1, members.today())
            .getSingleResult();
  }

  private boolean accepted(UUID person, String version) {
    return !em.createNativeQuery(
            "SELECT 1 FROM code_of_conduct_acceptance WHERE person_id = ?1 AND version = ?2")
        .setParameter(1, person)
        .setParameter(2, version)
        .getResultList()
        .isEmpty();
  }
}
