package jp.riss.community.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.group.Groups;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.member.Scope;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Keyset;

/**
 * Reports, the moderation queue and moderators' actions. A case concerns one post, direct message
 * or group; it is opened by a hold (first post, contact details, outside chat) or a report. A
 * moderator acts only where they moderate (the group's named moderators; any camp-office staff for
 * direct messages). Each action carries a reason the author sees ({@link Appeals} handles the one
 * appeal per action); every step is written to the case's append-only audit trail ({@link Cases}).
 */
@ApplicationScoped
public class Moderation {

  static final Set<String> KINDS = Set.of("post", "message", "group");
  static final Set<String> ACTIONS = Set.of("hide", "restore", "remove", "warn", "suspend", "ban");

  public record ReportInput(String targetKind, String targetId, String reason) {}

  public record ActionInput(String action, String reason) {}

  public record ReportView(
      UUID caseId, String targetKind, UUID targetId, OffsetDateTime reportedAt) {}

  public record Queue(List<ModerationViews.CaseView> items, String next) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Groups groups;
  @Inject ModerationConfig config;
  @Inject Cases cases;
  @Inject Sanctions sanctions;
  @Inject ModerationViews views;

  /** A post or message held for review: its open case, with the reasons. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void hold(String kind, UUID targetId, UUID groupId, UUID authorId, List<String> reasons) {
    ModerationCase c = cases.open(kind, targetId, groupId, authorId, reasons);
    cases.audit(c.id, "system", "held for review: " + String.join(", ", reasons));
  }

  @Transactional
  public ReportView report(ReportInput in, Caller caller) {
    Checks ck = Checks.start();
    if (in == null) {
      ck.reject("body", "is required").throwIfAny();
    }
    String kind = ck.oneOf("targetKind", in.targetKind(), KINDS);
    UUID targetId = null;
    if (in.targetId() == null) {
      ck.reject("targetId", "is required");
    } else {
      try {
        targetId = in.targetId().length() == 36 ? UUID.fromString(in.targetId()) : null;
      } catch (IllegalArgumentException e) {
        targetId = null;
      }
      if (targetId == null) {
        ck.reject("targetId", "must be a UUID");
      }
    }
    String reason = ck.text("reason", in.reason(), 1000);
    ck.throwIfAny();
    Member reporter = members.active(caller.subject());
    UUID me = reporter.person().id;
    UUID groupId;
    UUID authorId;
    switch (kind) {
      case "post" -> {
        Object[] post = cases.row("SELECT group_id, author_id FROM post WHERE id = ?1", targetId);
        if (post == null || !groups.isMember((UUID) post[0], me)) {
          throw ProblemException.notFound("post " + targetId);
        }
        reporter.require(Scope.GROUPS);
        groupId = (UUID) post[0];
        authorId = (UUID) post[1];
      }
      case "message" -> {
        Object[] msg =
            cases.row("SELECT sender_id, recipient_id FROM direct_message WHERE id = ?1", targetId);
        if (msg == null || !(me.equals(msg[0]) || me.equals(msg[1]))) {
          throw ProblemException.notFound("message " + targetId);
        }
        groupId = null;
        authorId = (UUID) msg[0];
      }
      default -> {
        if (!groups.isMember(targetId, me)) {
          throw ProblemException.notFound("group " + targetId);
        }
        reporter.require(Scope.GROUPS);
        groupId = targetId;
        authorId = null;
      }
    }
    if (me.equals(authorId)) {
      throw ProblemException.conflict(
          "own-content", "Your own content", "You cannot report what you wrote yourself.");
    }
    ModerationCase c = cases.open(kind, targetId, groupId, authorId, List.of("report"));
    OffsetDateTime now = members.now();
    int added =
        em.createNativeQuery(
                "INSERT INTO moderation_report (id, case_id, reporter_id, reason, reported_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (case_id, reporter_id) DO NOTHING")
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, c.id)
            .setParameter(3, me)
            .setParameter(4, reason)
            .setParameter(5, now)
            .executeUpdate();
    if (added == 0) {
      throw ProblemException.conflict(
          "already-reported", "Already reported", "You have already reported this.");
    }
    cases.audit(c.id, "member:" + me, "reported: " + reason);
    cases.emit(c, "reported", null);
    if (authorId != null) {
      sanctions.refreshSuspension(
          authorId, "reports from " + config.reportThreshold() + " members");
    }
    return new ReportView(c.id, kind, targetId, now);
  }

  /** Open cases oldest first, of the groups the caller moderates and of direct messages. */
  @Transactional
  public Queue queue(Caller caller, String cursor, int limit, jakarta.ws.rs.core.UriInfo uri) {
    Keyset after = Keyset.decode(cursor);
    jakarta.persistence.TypedQuery<ModerationCase> query =
        em.createQuery(
                "SELECT c FROM ModerationCase c WHERE c.state = 'open' AND (c.groupId IS NULL OR"
                    + " c.groupId IN (SELECT m.groupId FROM GroupModerator m WHERE m.subject = :s))"
                    + Keyset.Order.OLDEST_FIRST.continuing(after, "c.openedAt", "c.id"),
                ModerationCase.class)
            .setParameter("s", caller.subject());
    Keyset.Page<ModerationCase> page = Keyset.page(query, after, limit, c -> c.openedAt, c -> c.id);
    return new Queue(page.map(views::view).items(), page.nextLink(uri));
  }

  @Transactional
  public ModerationViews.CaseView get(UUID id, Caller caller) {
    return views.view(cases.moderated(id, caller));
  }

  @Transactional
  public ModerationViews.CaseView act(UUID id, ActionInput in, Caller caller) {
    Checks ck = Checks.start();
    if (in == null) {
      ck.reject("body", "is required").throwIfAny();
    }
    String action = ck.oneOf("action", in.action(), ACTIONS);
    String reason = ck.text("reason", in.reason(), 1000);
    ck.throwIfAny();
    ModerationCase c = cases.moderated(id, caller);
    sanctions.apply(c, action, caller.subject());
    OffsetDateTime now = members.now();
    UUID actionId = UUID.randomUUID();
    em.createNativeQuery(
            "INSERT INTO moderation_action (id, case_id, action, reason, moderator, taken_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, actionId)
        .setParameter(2, c.id)
        .setParameter(3, action)
        .setParameter(4, reason)
        .setParameter(5, caller.subject())
        .setParameter(6, now)
        .executeUpdate();
    c.state = "decided";
    em.flush();
    cases.audit(c.id, "moderator:" + caller.subject(), action + ": " + reason);
    if (c.authorId != null) {
      sanctions.refreshSuspension(c.authorId, null);
    }
    cases.emit(c, "action-taken", action);
    return views.view(c);
  }
}
