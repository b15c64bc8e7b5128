package jp.riss.community.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.group.Groups;
import jp.riss.community.member.Members;
import jp.riss.community.support.Caller;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.ProblemException;

/**
 * The moderation case and its record: one open case per target (a new hold or report adds its
 * reason), the check that the caller moderates where a case lies, the append-only audit trail, and
 * the {@code ModerationChanged} event of each step, through the outbox.
 */
@ApplicationScoped
public class Cases {

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Groups groups;
  @Inject Outbox outbox;
  @Inject EventSource events;

  ModerationCase open(
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
  ModerationCase moderated(UUID id, Caller caller) {
    ModerationCase c =
        ProblemException.requireFound(em.find(ModerationCase.class, id), "moderation case " + id);
    if (c.groupId != null && !groups.moderates(c.groupId, caller.subject())) {
      throw ProblemException.forbidden("you do not moderate the group this case is about");
    }
    return c;
  }

  void audit(UUID caseId, String actor, String what) {
    em.createNativeQuery(
            "INSERT INTO moderation_audit (case_id, at, actor, what) VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, caseId)
        .setParameter(2, members.now())
        .setParameter(3, actor)
        .setParameter(4, what)
        .executeUpdate();
  }

  void emit(ModerationCase c, String change, String action) {
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
  Object[] row(String sql, UUID id) {
    List<Object> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object r = rows.get(0);
    return r instanceof Object[] a ? a : new Object[] {r};
  }
}
