package jp.riss.deemedattendance.attestation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local stand-in for the mailer: keeps the messages that would have been sent, only when {@code
 * riss.deemed-attendance.dev-mailbox.enabled} is true (default false; true in %dev and %test).
 */
@ApplicationScoped
public class DevMailbox {

  @Inject EntityManager em;

  @ConfigProperty(name = "riss.deemed-attendance.dev-mailbox.enabled", defaultValue = "false")
  volatile boolean enabled;

  public boolean enabled() {
    return enabled;
  }

  /** For tests of the disabled mailbox only. */
  public void enable(boolean on) {
    this.enabled = on;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void deliver(String to, String subject, String body, OffsetDateTime at) {
    if (!enabled) {
      return;
    }
    DevMail mail = new DevMail();
    mail.id = UUID.randomUUID();
    mail.recipient = to;
    mail.subject = subject;
    mail.body = body;
    mail.sentAt = at;
    em.persist(mail);
  }

  public List<DevMail> to(String recipient) {
    return em.createQuery(
            "SELECT m FROM DevMail m WHERE lower(m.recipient) = lower(:to)"
                + " ORDER BY m.sentAt DESC, m.id",
            DevMail.class)
        .setParameter("to", recipient)
        .setMaxResults(100)
        .getResultList();
  }
}
