package jp.riss.community.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import jp.riss.community.member.MemberEvents;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.platform.problem.ProblemException;

/**
 * What a moderation action does to its target and author: hides, restores or removes a post or
 * message, bans an author, and keeps the author's posting suspension in step with reports and
 * standing suspend actions; an overturned action is undone here too.
 */
@ApplicationScoped
public class Sanctions {

  @Inject EntityManager em;
  @Inject Members members;
  @Inject MemberEvents memberEvents;
  @Inject ModerationConfig config;

  void apply(ModerationCase c, String action, String moderator) {
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

  void undo(ModerationCase c, String action) {
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
  void refreshSuspension(UUID authorId, String why) {
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
}
