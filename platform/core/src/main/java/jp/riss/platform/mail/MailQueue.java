package jp.riss.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.platform.outbox.AfterCommit;
import jp.riss.platform.sql.CopyText;

/**
 * Where domain code sends a message to a person. Like the event outbox, the message joins the
 * caller's transaction: a change that rolls back sends nothing, and a committed one always has its
 * message. There is deliberately no way to send mail directly from a transaction; {@link MailRelay}
 * delivers committed messages.
 */
@ApplicationScoped
public class MailQueue {

  /** One message of a bulk send. */
  public record Message(String to, String subject, String body) {}

  @Inject EntityManager em;
  @Inject AfterCommit afterCommit;
  @Inject MailRelay relay;

  /** Queues one message under a new id; returns it (stable across delivery attempts). */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID send(String to, String subject, String body, OffsetDateTime at) {
    UUID id = UUID.randomUUID();
    send(id, to, subject, body, at);
    return id;
  }

  /**
   * Queues one message under {@code id} — typically the id of the event that asks for it — unless a
   * message with that id is already queued: asking twice for the same event mails once, and the id
   * becomes the message's Message-ID, so a receiver can recognise a redelivery too.
   *
   * @return whether this call queued it (false: it was already queued)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean send(UUID id, String to, String subject, String body, OffsetDateTime at) {
    int inserted =
        em.createNativeQuery(
                "INSERT INTO outgoing_mail (id, recipient, subject, body, queued_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING")
            .setParameter(1, id)
            .setParameter(2, to)
            .setParameter(3, subject)
            .setParameter(4, body)
            .setParameter(5, at)
            .executeUpdate();
    if (inserted == 1) {
      wakeRelayAfterCommit();
    }
    return inserted == 1;
  }

  /** The relay delivers what this transaction queued as soon as it commits. */
  private void wakeRelayAfterCommit() {
    afterCommit.run(relay::wakeUp);
  }

  /**
   * Queues many messages in the caller's transaction at once — a bulk import mails thousands of
   * people — with one COPY instead of one insert per message. Same rows, same delivery as {@link
   * #send}.
   *
   * @return how many were queued
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int sendAll(List<Message> messages, OffsetDateTime at) {
    if (messages.isEmpty()) {
      return 0;
    }
    StringBuilder copy = new StringBuilder(messages.size() * 400);
    for (Message m : messages) {
      copy.append(UUID.randomUUID()).append('\t');
      CopyText.append(copy, m.to()).append('\t');
      CopyText.append(copy, m.subject()).append('\t');
      CopyText.append(copy, m.body()).append('\t');
      copy.append(at).append('\n');
    }
    CopyText.copyIn(
        em, "COPY outgoing_mail (id, recipient, subject, body, queued_at) FROM STDIN", copy);
    wakeRelayAfterCommit();
    return messages.size();
  }
}
