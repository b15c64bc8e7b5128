package jp.riss.community.connect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/**
 * The camp office's decisions on Connect applications: accepted, rejected or reserve, each with its
 * rank in the theme's order, once at least the call's minimum number of reviewers scored the
 * application; an acceptance only while the theme and the edition have room (under the call's row
 * lock, so neither capacity is ever exceeded).
 */
@ApplicationScoped
public class Decisions {

  static final Set<String> OUTCOMES = Set.of("accepted", "rejected", "reserve");

  public record DecisionInput(String outcome, Integer rank) {}

  @Inject EntityManager em;
  @Inject Calls calls;
  @Inject Places places;
  @Inject Reviews reviews;

  /**
   * Decides an application in rank order: accepted while the theme and the edition have room, else
   * 409; reserve waits for a declined place; rejected ends it.
   */
  @Transactional
  public Reviews.ReviewItem decide(UUID id, DecisionInput in, Caller office) {
    Checks c = Checks.start();
    String outcome = c.oneOf("outcome", in == null ? null : in.outcome(), OUTCOMES);
    Integer rank = c.integer("rank", in == null ? null : in.rank(), 1, 10000);
    c.throwIfAny();
    Places.Row row = places.row(id);
    ConnectCall call = calls.locked(row.callId());
    row = places.row(id);
    if (!Set.of("submitted", "under-review").contains(row.state())) {
      throw ProblemException.conflict(
          "already-decided", "Already decided", "This application is " + row.state() + ".");
    }
    int reviewed = reviewCount(id);
    if (reviewed < call.minReviews) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "reviews-missing",
                  "Reviews missing",
                  "An application is decided once at least "
                      + call.minReviews
                      + " reviewers scored it ("
                      + reviewed
                      + " so far).")
              .with("reviewCount", reviewed));
    }
    Number rankTaken =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM connect_application WHERE theme_id = ?1 AND rank = ?2")
                .setParameter(1, row.themeId())
                .setParameter(2, rank)
                .getSingleResult();
    if (rankTaken.intValue() > 0) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "rank-taken",
                  "Rank taken",
                  "Another application of this theme holds rank " + rank + ".")
              .withViolations(
                  List.of(
                      new Problem.Violation(
                          "rank", "is held by another application of this theme"))));
    }
    if ("accepted".equals(outcome)) {
      places.requireRoom(call, row.themeId());
    }
    OffsetDateTime now = calls.now();
    em.createNativeQuery("UPDATE connect_application SET rank = ?2, decided_at = ?3 WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, rank)
        .setParameter(3, now)
        .executeUpdate();
    places.move(call, id, outcome, outcome, now);
    return reviews.item(id, office);
  }

  private int reviewCount(UUID id) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM connect_review WHERE application_id = ?1")
                .setParameter(1, id)
                .getSingleResult())
        .intValue();
  }
}
