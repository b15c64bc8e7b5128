package jp.riss.community.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.community.consent.Consents;
import jp.riss.community.support.Times;

/**
 * Everything the community holds about the caller, as one JSON document. Posts in
 * incident-cooperation groups are listed without their text: those groups have no export.
 */
@ApplicationScoped
public class MemberExport {

  public record Export(
      OffsetDateTime exportedAt,
      MemberViews.Me profile,
      String email,
      List<Consents.Decision> guardianConsents,
      List<Map<String, Object>> groups,
      List<Map<String, Object>> posts,
      List<Map<String, Object>> directMessages,
      List<Map<String, Object>> moderationActions,
      String note) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject MemberAccount account;
  @Inject Consents consents;

  @Transactional
  public Export of(String subject) {
    Person person = members.enrolled(subject);
    UUID id = person.id;
    return new Export(
        members.now(),
        account.me(person),
        person.email,
        consents.history(id),
        rows(
            "SELECT g.id, g.name, g.purpose, m.joined_at FROM group_member m"
                + " JOIN community_group g ON g.id = m.group_id WHERE m.person_id = ?1"
                + " ORDER BY m.joined_at",
            id,
            "groupId",
            "name",
            "purpose",
            "joinedAt"),
        rows(
            "SELECT p.id, p.group_id, CASE WHEN g.purpose = 'incident-cooperation' THEN NULL"
                + " ELSE p.body END, p.state, p.created_at FROM post p"
                + " JOIN community_group g ON g.id = p.group_id WHERE p.author_id = ?1"
                + " ORDER BY p.created_at",
            id,
            "postId",
            "groupId",
            "body",
            "state",
            "createdAt"),
        rows(
            "SELECT id, sender_id, recipient_id, body, sent_at FROM direct_message"
                + " WHERE sender_id = ?1 OR recipient_id = ?1 ORDER BY sent_at",
            id,
            "messageId",
            "senderId",
            "recipientId",
            "body",
            "sentAt"),
        rows(
            "SELECT a.id, a.action, a.reason, a.taken_at FROM moderation_action a"
                + " JOIN moderation_case c ON c.id = a.case_id WHERE c.author_id = ?1"
                + " ORDER BY a.taken_at",
            id,
            "actionId",
            "action",
            "reason",
            "takenAt"),
        "The camp office also holds your date of birth and the guardian address of your completion"
            + " record; they are never shown through this API. Posts in incident-cooperation groups"
            + " are listed without their text, because those groups have no export.");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(String sql, UUID id, String... names) {
    List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
    return rows.stream()
        .map(
            r -> {
              Map<String, Object> out = new java.util.LinkedHashMap<>();
              for (int i = 0; i < names.length; i++) {
                Object v = r[i];
                if (v instanceof java.time.Instant || v instanceof java.sql.Timestamp) {
                  v = Times.of(v);
                }
                out.put(names[i], v == null ? null : v instanceof UUID u ? u.toString() : v);
              }
              return out;
            })
        .toList();
  }
}
