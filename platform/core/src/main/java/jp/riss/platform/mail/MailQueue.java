package jp.riss.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.platform.sql.CopyText;

/**
 * Where domain code sends a message to a person. Like the event outbox, the message joins the
 * caller's transaction: a change that rolls back sends nothing, and a committed one always has its
 * message. There is deliberately no way to send mail directly from a transaction.
 */
@ApplicationScoped
public class MailQueue {

  /** One message of a bulk send. */
  public record Message(String to, String subject, String body) {}

  @Inject EntityManager em;

  /** Queues one message; returns its id (stable across delivery attempts). */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID send(String to, String subject, String body, OffsetDateTime at) {
    OutgoingMail mail = new OutgoingMail();
    mail.id = UUID.randomUUID();
    mail.recipient = to;
    mail.subject = subject;
    mail.body = body;
    mail.queuedAt = at;
    mail.persist();
    return mail.id;
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
    return messages.size();
  }
}
