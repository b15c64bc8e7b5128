package jp.riss.community.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.audience.Audience;
import jp.riss.community.audience.Audiences;
import jp.riss.community.member.AgeBand;
import jp.riss.community.member.Members;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.Preconditions;

/**
 * The camp office's events: created as drafts, changed with If-Match, opened once everything the
 * rules require is named. Members and the public read open (and cancelled) events only.
 */
@ApplicationScoped
public class Events {

  static final Set<String> KINDS =
      Set.of(
          "general-assembly",
          "workshop",
          "result-presentation",
          "youth-lecture",
          "camp-forum",
          "alumni-event",
          "exchange",
          "connect-presentation");
  static final Set<String> FORMATS = Set.of("in-person", "online", "both");
  static final java.util.regex.Pattern PREFECTURE =
      java.util.regex.Pattern.compile("0[1-9]|[1-3][0-9]|4[0-7]");

  /** An event as the camp office sends it. */
  public record EventInput(
      String kind,
      String title,
      String description,
      String format,
      String prefecture,
      String venue,
      String startsAt,
      String endsAt,
      Integer capacity,
      Integer waitlistLength,
      String registrationOpensAt,
      String registrationClosesAt,
      Audience audience,
      String safeguardingLead,
      String topicSurveyId) {}

  /** Seats as counted now; pupils are the headcounts schools and guardians registered. */
  public record Seats(int confirmed, int offered, int waitlisted, int pupils) {}

  public record Lecturer(UUID memberId, String displayName) {}

  /**
   * An event as read. {@code safeguardingLead} is shown to the camp office only; others see whether
   * one is named.
   */
  public record EventView(
      UUID id,
      String kind,
      String title,
      String description,
      String format,
      String prefecture,
      String venue,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      int capacity,
      int waitlistLength,
      OffsetDateTime registrationOpensAt,
      OffsetDateTime registrationClosesAt,
      Audience audience,
      String safeguardingLead,
      boolean safeguardingLeadNamed,
      String state,
      Seats seats,
      List<Lecturer> lecturers,
      UUID topicSurveyId,
      long version) {}

  public record Page(List<EventView> items, String next) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject EventSeats seats;
  @Inject Audiences audiences;
  @Inject EventFacts facts;

  @Transactional
  public Page list(Caller caller, String cursor, int limit, UriInfo uri) {
    Keyset after = Keyset.decode(cursor);
    var query =
        em.createQuery(
                "SELECT e FROM CommunityEvent e WHERE (:office = true OR e.state <> 'draft')"
                    + Keyset.Order.OLDEST_FIRST.continuing(after, "e.startsAt", "e.id"),
                CommunityEvent.class)
            .setParameter("office", caller.office());
    Keyset.Page<CommunityEvent> page = Keyset.page(query, after, limit, e -> e.startsAt, e -> e.id);
    return new Page(page.map(e -> view(e, caller)).items(), page.nextLink(uri));
  }

  @Transactional
  public EventView get(UUID id, Caller caller) {
    return view(visible(id, caller), caller);
  }

  /** The event if the caller may see it: drafts are the camp office's only (404 for others). */
  public CommunityEvent visible(UUID id, Caller caller) {
    CommunityEvent e = em.find(CommunityEvent.class, id);
    if (e == null || (!caller.office() && "draft".equals(e.state))) {
      throw ProblemException.notFound("event " + id);
    }
    return e;
  }

  /** The event, its row locked until the transaction ends: registrations queue up here. */
  public CommunityEvent locked(UUID id) {
    return ProblemException.requireFound(
        em.find(CommunityEvent.class, id, LockModeType.PESSIMISTIC_WRITE), "event " + id);
  }

  @Transactional
  public EventView create(EventInput input, Caller caller) {
    CommunityEvent e = new CommunityEvent();
    e.id = UUID.randomUUID();
    e.state = "draft";
    e.organiser = caller.subject();
    e.createdAt = members.now();
    apply(e, input);
    em.persist(e);
    em.flush();
    return view(e, caller);
  }

  /**
   * Replaces an event. Capacity may not fall below the seats already confirmed or offered; a larger
   * capacity offers the new seats to the waitlist at once.
   */
  @Transactional
  public EventView update(UUID id, String ifMatch, EventInput input, Caller caller) {
    CommunityEvent probe = new CommunityEvent();
    apply(probe, input);
    CommunityEvent e = locked(id);
    Preconditions.requireIfMatch(ifMatch, e.version);
    if ("cancelled".equals(e.state)) {
      throw ProblemException.conflict(
          "event-cancelled", "Event cancelled", "A cancelled event is not changed any more.");
    }
    if (!e.kind.equals(probe.kind)) {
      throw conflict("kind-fixed", "The kind of an event is fixed when it is created.", "kind");
    }
    Seats now = seats.count(e.id);
    if (probe.capacity < now.confirmed() + now.offered() + now.pupils()) {
      throw conflict(
          "capacity-below-seats",
          "Capacity is below the "
              + (now.confirmed() + now.offered() + now.pupils())
              + " seats already confirmed or offered.",
          "capacity");
    }
    apply(e, input);
    if ("open".equals(e.state)) {
      openingRules(e).throwIfAny();
    }
    em.flush();
    seats.fill(e);
    return view(e, caller);
  }

  /** Opens registration: 409 naming every rule not yet met (safeguarding lead, lecturers). */
  @Transactional
  public EventView open(UUID id, String ifMatch, Caller caller) {
    CommunityEvent e = locked(id);
    Preconditions.requireIfMatch(ifMatch, e.version);
    if (!"draft".equals(e.state)) {
      throw ProblemException.conflict(
          "event-not-draft", "Not a draft", "Only a draft event is opened.");
    }
    Checks rules = openingRules(e);
    if (!rules.ok()) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "event-not-ready",
                  "Event not ready to open",
                  "The event cannot open until every rule named below is met.")
              .withViolations(rules.violations()));
    }
    e.state = "open";
    e.openedAt = members.now();
    em.flush();
    facts.record(e, EventFacts.Change.OPENED);
    return view(e, caller);
  }

  /**
   * In-person events with minors (an audience admitting under-18s, or a youth lecture's pupils)
   * need a safeguarding lead; a youth lecture needs two adult lecturers who accepted the current
   * code of conduct.
   */
  Checks openingRules(CommunityEvent e) {
    Checks rules = Checks.start();
    boolean minors = e.youthLecture() || Audiences.admitsMinors(e.audience.value());
    if (e.inPerson() && minors && e.safeguardingLead == null) {
      rules.reject("safeguardingLead", "must be named for an in-person event with minors");
    }
    if (e.youthLecture()) {
      long qualified = lecturers(e).stream().filter(l -> l.qualified).count();
      if (qualified < 2) {
        rules.reject(
            "lecturers",
            "a youth lecture needs at least two adult lecturers who accepted the current code of"
                + " conduct ("
                + qualified
                + " now)");
      }
    }
    return rules;
  }

  private static ProblemException conflict(String slug, String detail, String field) {
    return new ProblemException(
        Problem.of(409, slug, "Conflict", detail)
            .withViolations(List.of(new Problem.Violation(field, detail))));
  }

  record LecturerRow(UUID memberId, String displayName, boolean qualified) {}

  @SuppressWarnings("unchecked")
  List<LecturerRow> lecturers(CommunityEvent e) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT p.id, p.display_name, p.date_of_birth,"
                    + " EXISTS (SELECT 1 FROM code_of_conduct_acceptance a WHERE a.person_id = p.id"
                    + "   AND a.version = (SELECT version FROM code_of_conduct WHERE valid_from <= ?2"
                    + "                    ORDER BY valid_from DESC LIMIT 1))"
                    + " FROM event_lecturer l JOIN person p ON p.id = l.person_id"
                    + " WHERE l.event_id = ?1 ORDER BY l.added_at, p.id")
            .setParameter(1, e.id)
            .setParameter(2, members.today())
            .getResultList();
    return rows.stream()
        .map(
            r -> {
              java.time.LocalDate dob = (java.time.LocalDate) r[2];
              boolean adult = !AgeBand.of(dob, members.today()).minor();
              return new LecturerRow(
                  (UUID) r[0], r[1] == null ? "修了生" : (String) r[1], adult && (Boolean) r[3]);
            })
        .toList();
  }

  EventView view(CommunityEvent e, Caller caller) {
    return new EventView(
        e.id,
        e.kind,
        e.title,
        e.description,
        e.format,
        e.prefecture,
        e.venue,
        e.startsAt.withOffsetSameInstant(e.offset()),
        e.endsAt.withOffsetSameInstant(e.offset()),
        e.capacity,
        e.waitlistLength,
        e.registrationOpensAt.withOffsetSameInstant(e.offset()),
        e.registrationClosesAt.withOffsetSameInstant(e.offset()),
        e.audience.value(),
        caller.office() ? e.safeguardingLead : null,
        e.safeguardingLead != null,
        e.state,
        seats.count(e.id),
        // Lecturers are members: named to members and the camp office only, not to the public nor
        // to other signed-in roles (a sponsor's or a government body's token is not membership).
        !(caller.member() || caller.office())
            ? List.of()
            : lecturers(e).stream().map(l -> new Lecturer(l.memberId(), l.displayName())).toList(),
        e.topicSurveyId,
        e.version);
  }

  private void apply(CommunityEvent e, EventInput in) {
    Checks checks = Checks.start();
    if (in == null) {
      checks.reject("body", "is required").throwIfAny();
    }
    String kind = checks.oneOf("kind", in.kind(), KINDS);
    String title = checks.text("title", in.title(), 200);
    String description = checks.optionalText("description", in.description(), 5000);
    String format = checks.oneOf("format", in.format(), FORMATS);
    String prefecture = null;
    if (in.prefecture() != null) {
      prefecture =
          checks.matching(
              "prefecture",
              in.prefecture(),
              PREFECTURE,
              "must be a JIS X 0401 prefecture code, 01 to 47");
    } else if (format != null && !"online".equals(format)) {
      checks.reject("prefecture", "is required for an event held in person");
    }
    String venue = checks.optionalText("venue", in.venue(), 200);
    OffsetDateTime starts = checks.dateTime("startsAt", in.startsAt());
    OffsetDateTime ends = checks.dateTime("endsAt", in.endsAt());
    if (starts != null && ends != null && !ends.isAfter(starts)) {
      checks.reject("endsAt", "must be after startsAt");
    }
    if (starts != null && ends != null && !starts.getOffset().equals(ends.getOffset())) {
      checks.reject("endsAt", "must have the same UTC offset as startsAt");
    }
    Integer capacity = checks.integer("capacity", in.capacity(), 1, 10000);
    Integer waitlist = checks.integer("waitlistLength", in.waitlistLength(), 0, 10000);
    OffsetDateTime opens = checks.dateTime("registrationOpensAt", in.registrationOpensAt());
    OffsetDateTime closes = checks.dateTime("registrationClosesAt", in.registrationClosesAt());
    if (opens != null && closes != null && !closes.isAfter(opens)) {
      checks.reject("registrationClosesAt", "must be after registrationOpensAt");
    }
    if (closes != null && ends != null && closes.isAfter(ends)) {
      checks.reject("registrationClosesAt", "must not be after endsAt");
    }
    Audience audience = audiences.check(checks, "audience", in.audience());
    String lead = checks.optionalText("safeguardingLead", in.safeguardingLead(), 100);
    UUID topic = null;
    if (in.topicSurveyId() != null) {
      if (!"workshop".equals(kind)) {
        checks.reject("topicSurveyId", "is only for workshops");
      } else {
        try {
          topic = UUID.fromString(in.topicSurveyId());
          if (em.find(jp.riss.community.survey.Survey.class, topic) == null) {
            checks.reject("topicSurveyId", "is not a survey");
          }
        } catch (IllegalArgumentException bad) {
          checks.reject("topicSurveyId", "must be a UUID");
        }
      }
    }
    checks.throwIfAny();
    e.kind = kind;
    e.title = title;
    e.description = description;
    e.format = format;
    e.prefecture = prefecture;
    e.venue = venue;
    e.startsAt = starts;
    e.endsAt = ends;
    e.utcOffsetSeconds = starts.getOffset().getTotalSeconds();
    e.capacity = capacity;
    e.waitlistLength = waitlist;
    e.registrationOpensAt = opens;
    e.registrationClosesAt = closes;
    e.audience = jp.riss.community.audience.AudienceColumns.of(audience);
    e.safeguardingLead = lead;
    e.topicSurveyId = topic;
  }
}
