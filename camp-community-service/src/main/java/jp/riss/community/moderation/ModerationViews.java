package jp.riss.community.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.riss.community.support.Times;

/** A moderation case as moderators read it: its target, reports, actions, appeals and audit. */
@ApplicationScoped
public class ModerationViews {

  public record Target(String kind, UUID id, UUID groupId, String text, String state) {}

  public record ActionView(
      UUID id,
      UUID caseId,
      String action,
      String reason,
      OffsetDateTime takenAt,
      String moderator,
      AppealView appeal) {}

  public record AppealView(
      String statement,
      OffsetDateTime appealedAt,
      String outcome,
      String decidedBy,
      String decisionReason,
      OffsetDateTime decidedAt) {}

  public record AuditEntry(OffsetDateTime at, String actor, String what) {}

  public record CaseView(
      UUID id,
      String state,
      List<String> openedBecause,
      OffsetDateTime openedAt,
      Target target,
      int reports,
      List<String> reportReasons,
      List<ActionView> actions,
      List<AuditEntry> audit) {}

  @Inject EntityManager em;
  @Inject Cases cases;

  @SuppressWarnings("unchecked")
  CaseView view(ModerationCase c) {
    List<Object[]> reports =
        em.createNativeQuery(
                "SELECT reason FROM moderation_report WHERE case_id = ?1 ORDER BY reported_at")
            .setParameter(1, c.id)
            .getResultList();
    List<Object[]> actions =
        em.createNativeQuery(
                "SELECT id, action, reason, taken_at, moderator FROM moderation_action"
                    + " WHERE case_id = ?1 ORDER BY taken_at, id")
            .setParameter(1, c.id)
            .getResultList();
    List<Object[]> audit =
        em.createNativeQuery(
                "SELECT at, actor, what FROM moderation_audit WHERE case_id = ?1 ORDER BY seq")
            .setParameter(1, c.id)
            .getResultList();
    List<String> reasons = new ArrayList<>();
    for (Object r : reports) {
      reasons.add(r instanceof Object[] a ? (String) a[0] : (String) r);
    }
    return new CaseView(
        c.id,
        c.state,
        List.of(c.openedBecause),
        c.openedAt,
        target(c),
        reasons.size(),
        reasons,
        actions.stream()
            .map(
                a ->
                    new ActionView(
                        (UUID) a[0],
                        c.id,
                        (String) a[1],
                        (String) a[2],
                        Times.of(a[3]),
                        (String) a[4],
                        appeal((UUID) a[0])))
            .toList(),
        audit.stream()
            .map(a -> new AuditEntry(Times.of(a[0]), (String) a[1], (String) a[2]))
            .toList());
  }

  private Target target(ModerationCase c) {
    Object[] row =
        switch (c.targetKind) {
          case "post" -> cases.row("SELECT body, state FROM post WHERE id = ?1", c.targetId);
          case "message" ->
              cases.row("SELECT body, state FROM direct_message WHERE id = ?1", c.targetId);
          default ->
              cases.row("SELECT name, 'visible' FROM community_group WHERE id = ?1", c.targetId);
        };
    return new Target(
        c.targetKind,
        c.targetId,
        c.groupId,
        row == null ? null : (String) row[0],
        row == null ? "deleted" : (String) row[1]);
  }

  AppealView appeal(UUID actionId) {
    Object[] r =
        cases.row(
            "SELECT statement, appealed_at, outcome, decided_by, decision_reason, decided_at"
                + " FROM moderation_appeal WHERE action_id = ?1",
            actionId);
    return r == null
        ? null
        : new AppealView(
            (String) r[0],
            Times.of(r[1]),
            (String) r[2],
            (String) r[3],
            (String) r[4],
            Times.of(r[5]));
  }
}
