package jp.riss.community.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.group.Groups;
import jp.riss.community.member.Member;
import jp.riss.community.member.MemberEvents;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.member.Scope;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.community.support.Keyset;
import jp.riss.community.support.Times;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/**
 * Reports, cases, actions and appeals. A case concerns one post, direct message or group; it is
 * opened by a hold (first post, contact details, outside chat) or a report. A moderator acts only
 * where they moderate (the group's named moderators; any camp-office staff for direct messages).
 * Each action carries a reason the author sees; one appeal per action, decided by another
 * moderator; every step is written to an append-only audit trail.
 */
@ApplicationScoped
public class Moderation {

  static final Set<String> KINDS = Set.of("post", "message", "group");
  static final Set<String> ACTIONS = Set.of("hide", "restore", "remove", "warn", "suspend", "ban");
  static final Set<String> OUTCOMES = Set.of("upheld", "overturned");

  public record ReportInput(String targetKind, String targetId, String reason) {}

  public record ActionInput(String action, String reason) {}

  public record AppealInput(String statement) {}

  public record AppealDecisionInput(String outcome, String reason) {}

  public record ReportView(
      UUID caseId, String targetKind, UUID targetId, OffsetDateTime reportedAt) {}

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

  public record Queue(List<CaseView> items, String next) {}

  /** The action as its author sees it: what was done and why, and their appeal. */
  public record MyAction(
      UUID id,
      String targetKind,
      UUID targetId,
      String action,
      String reason,
      OffsetDateTime takenAt,
      AppealView appeal) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Groups groups;
  @Inject MemberEvents memberEvents;
  @Inject Outbox outbox;
  @Inject EventSource events;
  @Inject ModerationConfig config;

  /** A post or message held for review: its open case, with the reasons. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void hold(String kind, UUID targetId, UUID groupId, UUID authorId, List<String> reasons) {
    ModerationCase c = openCase(kind, targetId, groupId, authorId, reasons);
    audit(c.id, "system", "held for review: " + String.join(", ", reasons));
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
        Object[] post = row("SELECT group_id, author_id FROM post WHERE id = ?1", targetId);
        if (post == null || !groups.isMember((UUID) post[0], me)) {
          throw ProblemException.notFound("post " + targetId);
        }
        reporter.require(Scope.GROUPS);
        groupId = (UUID) post[0];
        authorId = (UUID) post[1];
      }
      case "message" -> {
        Object[] msg =
            row("SELECT sender_id, recipient_id FROM direct_message WHERE id = ?1", targetId);
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
    ModerationCase c = openCase(kind, targetId, groupId, authorId, List.of("report"));
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
    audit(c.id, "member:" + me, "reported: " + reason);
    emit(c, "reported", null);
    if (authorId != null) {
      refreshSuspension(authorId, "reports from " + config.reportThreshold() + " members");
    }
    return new ReportView(c.id, kind, targetId, now);
  }

  /** Open cases oldest first, of the groups the caller moderates and of direct messages. */
  @Transactional
  public Queue queue(Caller caller, String cursor, int limit, jakarta.ws.rs.core.UriInfo uri) {
    Keyset at = Keyset.decode(cursor);
    OffsetDateTime atTime = at == null ? null : at.at();
    UUID atId = at == null ? null : at.id();
    jakarta.persistence.TypedQuery<ModerationCase> query =
        em.createQuery(
                "SELECT c FROM ModerationCase c WHERE c.state = 'open' AND (c.groupId IS NULL OR"
                    + " c.groupId IN (SELECT m.groupId FROM GroupModerator m WHERE m.subject = :s))"
                    + (atTime == null
                        ? ""
                        : " AND (c.openedAt > :t OR (c.openedAt = :t AND c.id > :i))")
                    + " ORDER BY c.openedAt, c.id",
                ModerationCase.class)
            .setParameter("s", caller.subject());
    if (atTime != null) {
      query.setParameter("t", atTime).setParameter("i", atId);
    }
    List<ModerationCase> rows = query.setMaxResults(limit + 1).getResultList();
    boolean more = rows.size() > limit;
    List<ModerationCase> page = more ? rows.subList(0, limit) : rows;
    String next = null;
    if (more) {
      ModerationCase last = page.get(page.size() - 1);
      next = Keyset.next(uri, last.openedAt, last.id);
    }
    return new Queue(page.stream().map(this::view).toList(), next);
  }

  @Transactional
  public CaseView get(UUID id, Caller caller) {
    return view(moderated(id, caller));
  }

  @Transactional
  public CaseView act(UUID id, ActionInput in, Caller caller) {
    Checks ck = Checks.start();
    if (in == null) {
      ck.reject("body", "is required").throwIfAny();
    }
    String action = ck.oneOf("action", in.action(), ACTIONS);
    String reason = ck.text("reason", in.reason(), 1000);
    ck.throwIfAny();
    ModerationCase c = moderated(id, caller);
    apply(c, action, caller.subject());
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
    audit(c.id, "moderator:" + caller.subject(), action + ": " + reason);
    if (c.authorId != null) {
      refreshSuspension(c.authorId, null);
    }
    emit(c, "action-taken", action);
    return view(c);
  }

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
                    appeal((UUID) r[0])))
        .toList();
  }

  @Transactional
  public MyAction appeal(UUID actionId, AppealInput in, Caller caller) {
    Checks ck = Checks.start();
    String statement = ck.text("statement", in == null ? null : in.statement(), 2000);
    ck.throwIfAny();
    Person me = members.enrolled(caller.subject());
    Object[] action =
        row(
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
    audit(c.id, "member:" + me.id, "appealed: " + statement);
    emit(c, "appeal-opened", null);
    return myActions(caller).stream()
        .filter(a -> a.id().equals(actionId))
        .findFirst()
        .orElseThrow();
  }

  @Transactional
  public CaseView decideAppeal(UUID actionId, AppealDecisionInput in, Caller caller) {
    Checks ck = Checks.start();
    if (in == null) {
      ck.reject("body", "is required").throwIfAny();
    }
    String outcome = ck.oneOf("outcome", in.outcome(), OUTCOMES);
    String reason = ck.text("reason", in.reason(), 1000);
    ck.throwIfAny();
    Object[] action =
        row("SELECT case_id, action, moderator FROM moderation_action WHERE id = ?1", actionId);
    if (action == null) {
      throw ProblemException.notFound("moderation action " + actionId);
    }
    ModerationCase c = moderated((UUID) action[0], caller);
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
      undo(c, (String) action[1]);
    }
    audit(c.id, "moderator:" + caller.subject(), "appeal " + outcome + ": " + reason);
    if (c.authorId != null) {
      refreshSuspension(c.authorId, null);
    }
    emit(c, "appeal-decided", (String) action[1]);
    return view(c);
  }

  private void apply(ModerationCase c, String action, String moderator) {
    switch (action) {
      case "hide", "restore", "remove" -> {
        if ("group".equals(c.targetKind)) {
          throw ProblemException.conflict(
              "not-applicable",
              "Not applicable",
              "Groups are warned, or their members suspended or banned; posts and messages are"
                  + " hidden, restored or removed.");
        }
        setState(
            c, "hide".equals(action) ? "hidden" : "restore".equals(action) ? "visible" : "removed");
      }
      case "suspend", "ban" -> {
        if (c.authorId == null) {
          throw ProblemException.conflict(
              "not-applicable", "Not applicable", "This case has no author to " + action + ".");
        }
        if ("ban".equals(action)) {
          Person author = members.byId(c.authorId).orElseThrow();
          author.banned = true;
          em.flush();
          memberEvents.changed(author, "banned");
        }
      }
      default -> {
        // warn: the reason reaches the author; nothing else changes
      }
    }
  }

  private void undo(ModerationCase c, String action) {
    switch (action) {
      case "hide", "remove" -> setState(c, "visible");
      case "ban" -> {
        Person author = members.byId(c.authorId).orElseThrow();
        author.banned = false;
        em.flush();
      }
      default -> {
        // restore and warn leave nothing to undo; suspensions are recomputed
      }
    }
  }

  private void setState(ModerationCase c, String state) {
    String table = "post".equals(c.targetKind) ? "post" : "direct_message";
    String extra =
        "post".equals(c.targetKind) && "visible".equals(state) ? ", held_reasons = '{}'" : "";
    em.createNativeQuery("UPDATE " + table + " SET state = ?2" + extra + " WHERE id = ?1")
        .setParameter(1, c.targetId)
        .setParameter(2, state)
        .executeUpdate();
  }

  /**
   * Posting is suspended while reports from the configured number of distinct members wait on open
   * cases about the author, or while a suspend action stands (not overturned on appeal).
   */
  private void refreshSuspension(UUID authorId, String why) {
    long reporters =
        ((Number)
                em.createNativeQuery(
                        "SELECT count(DISTINCT r.reporter_id) FROM moderation_report r"
                            + " JOIN moderation_case c ON c.id = r.case_id"
                            + " WHERE c.author_id = ?1 AND c.state = 'open'")
                    .setParameter(1, authorId)
                    .getSingleResult())
            .longValue();
    boolean suspendedByAction =
        !em.createNativeQuery(
                "SELECT 1 FROM moderation_action a JOIN moderation_case c ON c.id = a.case_id"
                    + " LEFT JOIN moderation_appeal p ON p.action_id = a.id"
                    + " WHERE c.author_id = ?1 AND a.action = 'suspend'"
                    + " AND p.outcome IS DISTINCT FROM 'overturned'")
            .setParameter(1, authorId)
            .getResultList()
            .isEmpty();
    Person author = members.byId(authorId).orElseThrow();
    boolean suspended = suspendedByAction || reporters >= config.reportThreshold();
    if (author.postingSuspended != suspended) {
      author.postingSuspended = suspended;
      em.flush();
    }
  }

  private ModerationCase openCase(
      String kind, UUID targetId, UUID groupId, UUID authorId, List<String> because) {
    List<ModerationCase> open =
        em.createQuery(
                "SELECT c FROM ModerationCase c WHERE c.targetKind = :k AND c.targetId = :t"
                    + " AND c.state = 'open'",
                ModerationCase.class)
            .setParameter("k", kind)
            .setParameter("t", targetId)
            .getResultList();
    if (!open.isEmpty()) {
      ModerationCase c = open.get(0);
      Set<String> reasons = new LinkedHashSet<>(List.of(c.openedBecause));
      reasons.addAll(because);
      c.openedBecause = reasons.toArray(String[]::new);
      em.flush();
      return c;
    }
    ModerationCase c = new ModerationCase();
    c.id = UUID.randomUUID();
    c.targetKind = kind;
    c.targetId = targetId;
    c.groupId = groupId;
    c.authorId = authorId;
    c.openedBecause = because.toArray(String[]::new);
    c.state = "open";
    c.openedAt = members.now();
    em.persist(c);
    em.flush();
    audit(c.id, "system", "case opened: " + String.join(", ", because));
    emit(c, "opened", null);
    return c;
  }

  /** The case if the caller moderates where it lies. */
  private ModerationCase moderated(UUID id, Caller caller) {
    ModerationCase c = em.find(ModerationCase.class, id);
    if (c == null) {
      throw ProblemException.notFound("moderation case " + id);
    }
    if (c.groupId != null && !groups.moderates(c.groupId, caller.subject())) {
      throw ProblemException.forbidden("you do not moderate the group this case is about");
    }
    return c;
  }

  private void audit(UUID caseId, String actor, String what) {
    em.createNativeQuery(
            "INSERT INTO moderation_audit (case_id, at, actor, what) VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, caseId)
        .setParameter(2, members.now())
        .setParameter(3, actor)
        .setParameter(4, what)
        .executeUpdate();
  }

  private void emit(ModerationCase c, String change, String action) {
    outbox.append(
        ModerationChanged.TOPIC,
        c.id.toString(),
        events.create(
            ModerationChanged.TYPE,
            c.id.toString(),
            ModerationChanged.SCHEMA,
            new ModerationChanged(c.id, change, c.targetKind, c.targetId, action, members.now())));
  }

  @SuppressWarnings("unchecked")
  private CaseView view(ModerationCase c) {
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
          case "post" -> row("SELECT body, state FROM post WHERE id = ?1", c.targetId);
          case "message" -> row("SELECT body, state FROM direct_message WHERE id = ?1", c.targetId);
          default -> row("SELECT name, 'visible' FROM community_group WHERE id = ?1", c.targetId);
        };
    return new Target(
        c.targetKind,
        c.targetId,
        c.groupId,
        row == null ? null : (String) row[0],
        row == null ? "deleted" : (String) row[1]);
  }

  private AppealView appeal(UUID actionId) {
    Object[] r =
        row(
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

  @SuppressWarnings("unchecked")
  private Object[] row(String sql, UUID id) {
    List<Object> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object r = rows.get(0);
    return r instanceof Object[] a ? a : new Object[] {r};
  }
}
