package jp.riss.community.connect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.community.support.Times;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Keyset;

/**
 * Selection: reviewers assigned to a call score its applications on the call's rubric version; a
 * reviewer declares conflicts and cannot score (or keep a score on) an application they declared.
 * The camp office decides each application — accepted, rejected or reserve, with its rank in the
 * theme's order — once at least the call's minimum number of reviewers scored it.
 */
@ApplicationScoped
public class Reviews {

  static final Set<String> STATES =
      Set.of(
          "submitted",
          "under-review",
          "accepted",
          "rejected",
          "reserve",
          "offered",
          "declined",
          "withdrawn");

  public record Score(String criterion, Integer score) {}

  public record ReviewInput(List<Score> scores, String comment) {}

  public record ConflictInput(String reason) {}

  public record MyReview(
      Map<String, Integer> scores, int total, String comment, OffsetDateTime scoredAt) {}

  /**
   * An application as reviewers and the camp office see it: the applicant's display name only (no
   * contact, age or school name). {@code meanTotal} and {@code reviewers} are the camp office's.
   */
  public record ReviewItem(
      UUID id,
      UUID callId,
      UUID themeId,
      String themeCode,
      String applicantName,
      String schoolKind,
      String motivation,
      String expertise,
      String state,
      Integer rank,
      int reviewCount,
      Double meanTotal,
      MyReview myReview,
      boolean conflictDeclared,
      OffsetDateTime submittedAt) {}

  public record Page(List<ReviewItem> items, String next) {}

  @Inject EntityManager em;
  @Inject Calls calls;
  @Inject CallPanel panel;
  @Inject Places places;

  /** The call's applications for the camp office or one of the call's reviewers (else 403). */
  @Transactional
  public Page list(
      UUID callId,
      Caller caller,
      String themeId,
      String state,
      String cursor,
      int limit,
      UriInfo uri) {
    Checks c = Checks.start();
    UUID theme = null;
    if (themeId != null) {
      try {
        theme = UUID.fromString(themeId);
      } catch (IllegalArgumentException e) {
        c.reject("themeId", "must be a UUID");
      }
    }
    if (state != null) {
      c.oneOf("state", state, STATES);
    }
    Keyset after = Keyset.decode(cursor);
    c.throwIfAny();
    calls.find(callId);
    requireAssigned(callId, caller);
    StringBuilder sql =
        new StringBuilder(
            "SELECT a.id, a.submitted_at FROM connect_application a WHERE a.call_id = :call");
    if (theme != null) {
      sql.append(" AND a.theme_id = :theme");
    }
    if (state != null) {
      sql.append(" AND a.state = :state");
    }
    if (after != null) {
      sql.append(" AND (a.submitted_at, a.id) > (:at, :id)");
    }
    sql.append(" ORDER BY a.submitted_at, a.id LIMIT :limit");
    var q =
        em.createNativeQuery(sql.toString())
            .setParameter("call", callId)
            .setParameter("limit", limit + 1);
    if (theme != null) {
      q.setParameter("theme", theme);
    }
    if (state != null) {
      q.setParameter("state", state);
    }
    if (after != null) {
      q.setParameter("at", after.at()).setParameter("id", after.id());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    Keyset.Page<ReviewItem> page =
        Keyset.page(rows, limit, r -> Times.of(r[1]), r -> (UUID) r[0])
            .map(r -> item((UUID) r[0], caller));
    return new Page(page.items(), page.nextLink(uri));
  }

  /** A reviewer declares a conflict: any score they gave this application is removed. */
  @Transactional
  public ReviewItem declareConflict(String subject, UUID id, ConflictInput in) {
    Checks c = Checks.start();
    String reason = c.text("reason", in == null ? null : in.reason(), 500);
    c.throwIfAny();
    Places.Row row = reviewable(subject, id);
    calls.locked(row.callId());
    em.createNativeQuery(
            "INSERT INTO connect_conflict (application_id, reviewer_subject, reason, declared_at)"
                + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
        .setParameter(1, id)
        .setParameter(2, subject)
        .setParameter(3, reason)
        .setParameter(4, calls.now())
        .executeUpdate();
    for (String table : List.of("connect_score", "connect_review")) {
      em.createNativeQuery(
              "DELETE FROM " + table + " WHERE application_id = ?1 AND reviewer_subject = ?2")
          .setParameter(1, id)
          .setParameter(2, subject)
          .executeUpdate();
    }
    return item(id, new Caller(subject, false, false));
  }

  /** Scores (or re-scores) an application on every criterion of the call's rubric. */
  @Transactional
  public ReviewItem review(String subject, UUID id, ReviewInput in) {
    Places.Row row = reviewable(subject, id);
    ConnectCall call = calls.locked(row.callId());
    Map<String, Integer> scores = scores(call, in);
    if (conflicted(id, subject)) {
      throw ProblemException.conflict(
          "conflict-declared",
          "Conflict declared",
          "You declared a conflict of interest for this application, so you cannot score it.");
    }
    row = places.row(id);
    if (!Set.of("submitted", "under-review").contains(row.state())) {
      throw ProblemException.conflict(
          "review-closed", "Review closed", "This application is decided or withdrawn.");
    }
    OffsetDateTime now = calls.now();
    em.createNativeQuery(
            "DELETE FROM connect_score WHERE application_id = ?1 AND reviewer_subject = ?2")
        .setParameter(1, id)
        .setParameter(2, subject)
        .executeUpdate();
    scores.forEach(
        (criterion, score) ->
            em.createNativeQuery(
                    "INSERT INTO connect_score (application_id, reviewer_subject, criterion, score)"
                        + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, id)
                .setParameter(2, subject)
                .setParameter(3, criterion)
                .setParameter(4, score)
                .executeUpdate());
    em.createNativeQuery(
            "INSERT INTO connect_review (application_id, reviewer_subject, total, comment,"
                + " scored_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (application_id,"
                + " reviewer_subject) DO UPDATE SET total = EXCLUDED.total,"
                + " comment = EXCLUDED.comment, scored_at = EXCLUDED.scored_at")
        .setParameter(1, id)
        .setParameter(2, subject)
        .setParameter(3, scores.values().stream().mapToInt(Integer::intValue).sum())
        .setParameter(4, Checks.start().optionalText("comment", in.comment(), 2000))
        .setParameter(5, now)
        .executeUpdate();
    em.createNativeQuery(
            "UPDATE connect_application SET state = 'under-review', changed_at = ?2"
                + " WHERE id = ?1 AND state = 'submitted'")
        .setParameter(1, id)
        .setParameter(2, now)
        .executeUpdate();
    return item(id, new Caller(subject, false, false));
  }

  /** Every criterion of the rubric once, each within its maximum; every fault named at once. */
  private Map<String, Integer> scores(ConnectCall call, ReviewInput in) {
    Checks c = Checks.start();
    if (in == null) {
      c.reject("body", "is required").throwIfAny();
    }
    Map<String, Integer> max = new LinkedHashMap<>();
    calls.criteria(call.rubricVersion).forEach(k -> max.put(k.code(), k.maxScore()));
    Map<String, Integer> out = new LinkedHashMap<>();
    List<Score> given = in.scores();
    if (given == null || given.size() > 20) {
      c.reject("scores", "must hold one score per criterion of the rubric (at most 20)");
      given = List.of();
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      Score s = given.get(i);
      String f = "scores[" + i + "]";
      if (s == null) {
        c.reject(f, "is required");
        continue;
      }
      String criterion = c.oneOf(f + ".criterion", s.criterion(), max.keySet());
      if (criterion != null && !seen.add(criterion)) {
        c.reject(f + ".criterion", "must not repeat a criterion");
        criterion = null;
      }
      Integer score =
          c.integer(f + ".score", s.score(), 0, criterion == null ? 100 : max.get(criterion));
      if (criterion != null && score != null) {
        out.put(criterion, score);
      }
    }
    if (in.scores() != null && c.ok() && !seen.equals(max.keySet())) {
      c.reject(
          "scores",
          "must score every criterion of rubric " + call.rubricVersion + ": " + max.keySet());
    }
    c.optionalText("comment", in.comment(), 2000);
    c.throwIfAny();
    return out;
  }

  private boolean conflicted(UUID id, String subject) {
    return ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM connect_conflict WHERE application_id = ?1"
                            + " AND reviewer_subject = ?2")
                    .setParameter(1, id)
                    .setParameter(2, subject)
                    .getSingleResult())
            .intValue()
        > 0;
  }

  /** The application if the caller reviews its call; 404 otherwise (its existence stays hidden). */
  private Places.Row reviewable(String subject, UUID id) {
    Places.Row row = places.row(id);
    if (!panel.isReviewer(row.callId(), subject)) {
      throw ProblemException.notFound("Connect application " + id);
    }
    return row;
  }

  private void requireAssigned(UUID callId, Caller caller) {
    if (!caller.office() && !panel.isReviewer(callId, caller.subject())) {
      throw new ProblemException(
          Problem.of(
              403,
              "not-assigned",
              "Not assigned",
              "Only the camp office and the reviewers assigned to this call see its applications."));
    }
  }

  ReviewItem item(UUID id, Caller caller) {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "SELECT a.id, a.call_id, a.theme_id, t.code, coalesce(p.display_name, '応募者'),"
                        + " a.school_kind, a.motivation, a.expertise, a.state, a.rank,"
                        + " (SELECT count(*) FROM connect_review v WHERE v.application_id = a.id),"
                        + " (SELECT avg(total) FROM connect_review v WHERE v.application_id = a.id),"
                        + " EXISTS (SELECT 1 FROM connect_conflict f WHERE f.application_id = a.id"
                        + "   AND f.reviewer_subject = ?2), a.submitted_at"
                        + " FROM connect_application a JOIN connect_theme t ON t.id = a.theme_id"
                        + " JOIN person p ON p.id = a.person_id WHERE a.id = ?1")
                .setParameter(1, id)
                .setParameter(2, caller.subject() == null ? "" : caller.subject())
                .getSingleResult();
    return new ReviewItem(
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
        ((Number) r[10]).intValue(),
        caller.office() && r[11] != null ? ((Number) r[11]).doubleValue() : null,
        caller.office() ? null : myReview(id, caller.subject()),
        (Boolean) r[12],
        Times.of(r[13]));
  }

  private MyReview myReview(UUID id, String subject) {
    @SuppressWarnings("unchecked")
    List<Object[]> review =
        em.createNativeQuery(
                "SELECT total, comment, scored_at FROM connect_review WHERE application_id = ?1"
                    + " AND reviewer_subject = ?2")
            .setParameter(1, id)
            .setParameter(2, subject)
            .getResultList();
    if (review.isEmpty()) {
      return null;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> scores =
        em.createNativeQuery(
                "SELECT s.criterion, s.score FROM connect_score s JOIN connect_application a"
                    + " ON a.id = s.application_id JOIN connect_call c ON c.id = a.call_id"
                    + " JOIN connect_rubric_criterion k ON k.rubric_version = c.rubric_version"
                    + " AND k.code = s.criterion WHERE s.application_id = ?1"
                    + " AND s.reviewer_subject = ?2 ORDER BY k.display_order")
            .setParameter(1, id)
            .setParameter(2, subject)
            .getResultList();
    Map<String, Integer> out = new LinkedHashMap<>();
    scores.forEach(s -> out.put((String) s[0], ((Number) s[1]).intValue()));
    Object[] r = review.get(0);
    return new MyReview(out, ((Number) r[0]).intValue(), (String) r[1], Times.of(r[2]));
  }
}
