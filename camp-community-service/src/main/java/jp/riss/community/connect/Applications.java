package jp.riss.community.connect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.member.Scope;
import jp.riss.community.support.Checks;
import jp.riss.community.support.Times;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Keyset;

/**
 * A member's Connect applications: exactly one theme, one live application per call (and so per
 * edition) — switching theme means withdrawing and applying again inside the window. Members under
 * 18 need the guardian's {@code connect-application} scope. An accepted or offered applicant may
 * decline, and the place passes to the theme's first reserve.
 */
@ApplicationScoped
public class Applications {

  static final int STATEMENT_MAX = 2000;
  private static final String COLUMNS =
      "a.id, a.call_id, a.theme_id, t.code, t.title, a.school_kind, a.motivation, a.expertise,"
          + " a.state, a.rank, a.submitted_at, a.decided_at";

  public record ApplicationInput(
      String themeId, String schoolKind, String motivation, String expertise) {}

  public record ApplicationView(
      UUID id,
      UUID callId,
      UUID themeId,
      String themeCode,
      String themeTitle,
      String schoolKind,
      String motivation,
      String expertise,
      String state,
      Integer rank,
      OffsetDateTime submittedAt,
      OffsetDateTime decidedAt) {}

  public record Page(List<ApplicationView> items, String next) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Calls calls;
  @Inject Places places;

  @Transactional
  public ApplicationView apply(String subject, UUID callId, ApplicationInput in) {
    ConnectCall call = calls.find(callId);
    Checks c = Checks.start();
    if (in == null) {
      c.reject("body", "is required").throwIfAny();
    }
    UUID theme = theme(c, call, in.themeId());
    String school = c.oneOf("schoolKind", in.schoolKind(), schoolKinds());
    String motivation = c.text("motivation", in.motivation(), STATEMENT_MAX);
    String expertise = c.text("expertise", in.expertise(), STATEMENT_MAX);
    c.throwIfAny();
    Member member = members.active(subject);
    if (member.minor()) {
      member.require(Scope.CONNECT_APPLICATION);
    }
    OffsetDateTime now = calls.now();
    if (!call.openAt(now)) {
      throw ProblemException.conflict(
          "outside-application-window",
          "Outside the application window",
          "Applications are open from "
              + call.opensAt.withOffsetSameInstant(call.offset())
              + " until "
              + call.closesAt.withOffsetSameInstant(call.offset())
              + ".");
    }
    UUID id = UUID.randomUUID();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO connect_application (id, call_id, theme_id, person_id, school_kind,"
                    + " motivation, expertise, state, submitted_at, changed_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'submitted', ?8, ?8)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, id)
            .setParameter(2, call.id)
            .setParameter(3, theme)
            .setParameter(4, member.person().id)
            .setParameter(5, school)
            .setParameter(6, motivation)
            .setParameter(7, expertise)
            .setParameter(8, now)
            .executeUpdate();
    if (inserted == 0) {
      throw ProblemException.conflict(
          "already-applied",
          "Already applied",
          "You have a live application to this call; to change theme, withdraw it and apply"
              + " again before the deadline.");
    }
    return one(id);
  }

  private UUID theme(Checks c, ConnectCall call, String themeId) {
    if (themeId == null) {
      c.reject("themeId", "is required");
      return null;
    }
    try {
      UUID id = UUID.fromString(themeId);
      if (calls.themes(call.id).stream().anyMatch(t -> t.id().equals(id))) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      c.reject("themeId", "must be a UUID");
      return null;
    }
    c.reject("themeId", "is not a theme of this call");
    return null;
  }

  @SuppressWarnings("unchecked")
  Set<String> schoolKinds() {
    return Set.copyOf(em.createNativeQuery("SELECT code FROM connect_school_kind").getResultList());
  }

  @Transactional
  public Page mine(String subject, String cursor, int limit, UriInfo uri) {
    UUID me = members.enrolled(subject).id;
    Keyset after = Keyset.decode(cursor);
    List<ApplicationView> rows =
        views(
            "SELECT "
                + COLUMNS
                + " FROM connect_application a JOIN connect_theme t ON t.id = a.theme_id"
                + " WHERE a.person_id = ?1"
                + (after == null ? "" : " AND (a.submitted_at, a.id) > (?3, ?4)")
                + " ORDER BY a.submitted_at, a.id LIMIT ?2",
            after == null
                ? new Object[] {me, limit + 1}
                : new Object[] {me, limit + 1, after.at(), after.id()});
    Keyset.Page<ApplicationView> page =
        Keyset.page(rows, limit, ApplicationView::submittedAt, ApplicationView::id);
    return new Page(page.items(), page.nextLink(uri));
  }

  @Transactional
  public ApplicationView get(String subject, UUID id) {
    own(subject, id);
    return one(id);
  }

  /** Before a decision only; the applicant may then apply again (another theme) in the window. */
  @Transactional
  public ApplicationView withdraw(String subject, UUID id) {
    return change(
        subject,
        id,
        Set.of("submitted", "under-review"),
        "withdrawn",
        "withdrawn",
        "not-withdrawable",
        "Only an application not yet decided is withdrawn; decline an accepted place instead.");
  }

  /** Gives up an accepted or offered place; the theme's first reserve is offered it. */
  @Transactional
  public ApplicationView decline(String subject, UUID id) {
    return change(
        subject,
        id,
        Set.of("accepted", "offered"),
        "declined",
        "declined",
        "no-place-to-decline",
        "Only an accepted application or an offered place is declined.");
  }

  /** Takes a place offered after someone declined. */
  @Transactional
  public ApplicationView take(String subject, UUID id) {
    return change(
        subject,
        id,
        Set.of("offered"),
        "accepted",
        "taken",
        "no-open-offer",
        "There is no place on offer for this application.");
  }

  private ApplicationView change(
      String subject,
      UUID id,
      Set<String> from,
      String to,
      String change,
      String slug,
      String detail) {
    Places.Row row = own(subject, id);
    ConnectCall call = calls.locked(row.callId());
    row = places.row(id);
    if (!from.contains(row.state())) {
      throw ProblemException.conflict(slug, "Not possible now", detail);
    }
    OffsetDateTime now = calls.now();
    places.move(call, id, to, change, now);
    if ("declined".equals(to)) {
      places.passOn(call, row.themeId(), now);
    }
    return one(id);
  }

  /** The caller's own application; 404 for anyone else's. */
  private Places.Row own(String subject, UUID id) {
    UUID me = members.enrolled(subject).id;
    Places.Row row = places.row(id);
    if (!row.personId().equals(me)) {
      throw ProblemException.notFound("Connect application " + id);
    }
    return row;
  }

  ApplicationView one(UUID id) {
    return views(
            "SELECT "
                + COLUMNS
                + " FROM connect_application a JOIN connect_theme t ON t.id = a.theme_id"
                + " WHERE a.id = ?1",
            id)
        .get(0);
  }

  @SuppressWarnings("unchecked")
  private List<ApplicationView> views(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    List<Object[]> rows = q.getResultList();
    return rows.stream()
        .map(
            r ->
                new ApplicationView(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8],
                    r[9] == null ? null : ((Number) r[9]).intValue(),
                    Times.of(r[10]),
                    Times.of(r[11])))
        .toList();
  }
}
