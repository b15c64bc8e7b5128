package jp.riss.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Where domain code sends a message to a person. Like the event outbox, the message joins the
 * caller's transaction: a change that rolls back sends nothing, and a committed one always has its
 * message. There is deliberately no way to send mail directly from a transaction.
 */
@ApplicationScoped
public class MailQueue {

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
}
