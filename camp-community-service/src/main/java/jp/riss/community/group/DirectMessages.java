package jp.riss.community.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.community.support.Times;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/**
 * Direct messages exist only between two adults: a minor can neither send nor receive one (minors
 * talk in moderated groups only). Hidden and removed messages show to no one but moderators.
 */
@ApplicationScoped
public class DirectMessages {

  public record MessageInput(String recipientId, String body) {}

  public record MessageView(
      UUID id, UUID senderId, UUID recipientId, String body, String state, OffsetDateTime sentAt) {}

  public record Items(List<MessageView> items) {}

  @Inject EntityManager em;
  @Inject Members members;

  @Transactional
  public MessageView send(MessageInput in, Caller caller) {
    Checks c = Checks.start();
    if (in == null) {
      c.reject("body", "is required").throwIfAny();
    }
    UUID to = null;
    if (in.recipientId() == null) {
      c.reject("recipientId", "is required");
    } else {
      try {
        to = in.recipientId().length() == 36 ? UUID.fromString(in.recipientId()) : null;
      } catch (IllegalArgumentException e) {
        to = null;
      }
      if (to == null) {
        c.reject("recipientId", "must be a UUID");
      }
    }
    String body = c.text("body", in.body(), 2000);
    c.throwIfAny();
    Member sender = members.active(caller.subject());
    Person recipient =
        members
            .byId(to)
            .filter(p -> p.subject != null && !p.banned)
            .orElseThrow(() -> ProblemException.notFound("member " + in.recipientId()));
    if (sender.minor() || members.of(recipient).minor()) {
      throw new ProblemException(
          Problem.of(
              403,
              "direct-messages-adults-only",
              "Direct messages are between adults only",
              "Direct messages exist only between two members of 18 or over; members under 18"
                  + " talk in moderated groups."));
    }
    if (recipient.id.equals(sender.person().id)) {
      throw ProblemException.badRequest("recipientId", "must be another member");
    }
    UUID id = UUID.randomUUID();
    OffsetDateTime now = members.now();
    em.createNativeQuery(
            "INSERT INTO direct_message (id, sender_id, recipient_id, body, state, sent_at)"
                + " VALUES (?1, ?2, ?3, ?4, 'visible', ?5)")
        .setParameter(1, id)
        .setParameter(2, sender.person().id)
        .setParameter(3, recipient.id)
        .setParameter(4, body)
        .setParameter(5, now)
        .executeUpdate();
    return new MessageView(id, sender.person().id, recipient.id, body, "visible", now);
  }

  /** The caller's newest 100 visible messages, sent or received. */
  @Transactional
  @SuppressWarnings("unchecked")
  public Items mine(Caller caller) {
    Member me = members.active(caller.subject());
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, sender_id, recipient_id, body, state, sent_at FROM direct_message"
                    + " WHERE (sender_id = ?1 OR recipient_id = ?1) AND state = 'visible'"
                    + " ORDER BY sent_at DESC, id DESC LIMIT 100")
            .setParameter(1, me.person().id)
            .getResultList();
    return new Items(
        rows.stream()
            .map(
                r ->
                    new MessageView(
                        (UUID) r[0],
                        (UUID) r[1],
                        (UUID) r[2],
                        (String) r[3],
                        (String) r[4],
                        Times.of(r[5])))
            .toList());
  }
}
