package jp.riss.community.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.community.support.Times;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/**
 * Appeals: the author of moderated content sees each action taken on it and its reason, may appeal
 * each action once, and another moderator than the one who acted decides; an overturned action is
 * undone and the author's posting suspension recomputed.
 */
@ApplicationScoped
public class Appeals {

  static final Set<String> OUTCOMES = Set.of("upheld", "overturned");

  public record AppealInput(String statement) {}

  public record AppealDecisionInput(String outcome, String reason) {}

  /** The action as its author sees it: what was done and why, and their appeal. */
  public record MyAction(
      UUID id,
      String targetKind,
      UUID targetId,
      String action,
      String reason,
      OffsetDateTime takenAt,
      ModerationViews.AppealView appeal) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Cases cases;
  @Inject Sanctions sanctions;
  @Inject ModerationViews views;

  @Transactional
  @SuppressWarnings("unchecked")
  public List<MyAction> myActions(Caller caller) {
    Person me = members.enrolled(caller.subject());
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT a.id, c.target_kind, c.target_id, a.action, a.reason, a.taken_at"
                    + " FROM moderation_action a JOIN moderation_case c ON c.id = a.case_id"
                    + " WHERE c.author_id = ?1 ORDER BY a.taken_at DESC LIMIT 200")
            .setParameter(1, me.id)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new MyAction(
                    (UUID) r[0],
                    (String) r[1],
                    (UUID) r[2],
                    (String) r[3],
                    (String) r[4],
                    Times.of(r[5]),
                    views.appeal((UUID) r[0])))
        .toList();
  }

  @Transactional
  public MyAction appeal(UUID actionId, AppealInput in, Caller caller) {
    Checks ck = Checks.start();
    String statement = ck.text("statement", in == null ? null : in.statement(), 2000);
    ck.throwIfAny();
    Person me = members.enrolled(caller.subject());
    Object[] action =
        cases.row(
            "SELECT a.case_id, c.author_id FROM moderation_action a JOIN moderation_case c"
                + " ON c.id = a.case_id WHERE a.id = ?1",
            actionId);
    if (action == null || !me.id.equals(action[1])) {
      throw ProblemException.notFound("moderation action " + actionId);
    }
    int added =
        em.createNativeQuery(
                "INSERT INTO moderation_appeal (id, action_id, statement, appealed_at)"
                    + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (action_id) DO NOTHING")
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, actionId)
            .setParameter(3, statement)
            .setParameter(4, members.now())
            .executeUpdate();
    if (added == 0) {
      throw ProblemException.conflict(
          "appeal-exists", "Already appealed", "Each moderation action can be appealed once.");
    }
    ModerationCase c = em.find(ModerationCase.class, action[0]);
    cases.audit(c.id, "member:" + me.id, "appealed: " + statement);
    cases.emit(c, "appeal-opened", null);
    return myActions(caller).stream()
        .filter(a -> a.id().equals(actionId))
        .findFirst()
        .orElseThrow();
  }

  @Transactional
  public ModerationViews.CaseView decideAppeal(
      UUID actionId, AppealDecisionInput in, Caller caller) {
    Checks ck = Checks.start();
    if (in == null) {
      ck.reject("body", "is required").throwIfAny();
    }
    String outcome = ck.oneOf("outcome", in.outcome(), OUTCOMES);
    String reason = ck.text("reason", in.reason(), 1000);
    ck.throwIfAny();
    Object[] action =
        cases.row(
            "SELECT case_id, action, moderator FROM moderation_action WHERE id = ?1", actionId);
    if (action == null) {
      throw ProblemException.notFound("moderation action " + actionId);
    }
    ModerationCase c = cases.moderated((UUID) action[0], caller);
    if (caller.subject().equals(action[2])) {
      throw new ProblemException(
          Problem.of(
              403,
              "same-moderator",
              "Another moderator decides",
              "An appeal is decided by a moderator other than the one who took the action."));
    }
    int decided =
        em.createNativeQuery(
                "UPDATE moderation_appeal SET outcome = ?2, decided_by = ?3, decided_at = ?4,"
                    + " decision_reason = ?5 WHERE action_id = ?1 AND outcome IS NULL")
            .setParameter(1, actionId)
            .setParameter(2, outcome)
            .setParameter(3, caller.subject())
            .setParameter(4, members.now())
            .setParameter(5, reason)
            .executeUpdate();
    if (decided == 0) {
      throw ProblemException.conflict(
          "no-open-appeal", "No open appeal", "This action has no appeal waiting for a decision.");
    }
    if ("overturned".equals(outcome)) {
      sanctions.undo(c, (String) action[1]);
    }
    cases.audit(c.id, "moderator:" + caller.subject(), "appeal " + outcome + ": " + reason);
    if (c.authorId != null) {
      sanctions.refreshSuspension(c.authorId, null);
    }
    cases.emit(c, "appeal-decided", (String) action[1]);
    return views.view(c);
  }
}
