package jp.riss.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import jp.riss.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads back the messages queued to an address, so a developer (or a test, or the demo) can follow
 * a link or a code that was "mailed". Only when {@code riss.mail.dev-mailbox.enabled} is true
 * (false by default; services turn it on in their dev and test profiles): the messages carry live
 * tokens and codes.
 */
@ApplicationScoped
public class DevMailbox {

  /** One message as a developer sees it. */
  public record Message(String to, String subject, String body, OffsetDateTime sentAt) {}

  /** What a service's dev-mailbox endpoint answers. */
  public record Messages(List<Message> items) {}

  /** The longest address a mailbox is asked for (RFC 5321's path limit). */
  public static final int MAX_ADDRESS = 254;

  private static final int NEWEST = 100;

  @ConfigProperty(name = "riss.mail.dev-mailbox.enabled", defaultValue = "false")
  volatile boolean enabled;

  public boolean enabled() {
    return enabled;
  }

  /** For tests of the disabled mailbox only. */
  public void enable(boolean on) {
    this.enabled = on;
  }

  /**
   * What each service's dev-mailbox endpoint answers for {@code ?to=}: 404 when the mailbox is off
   * (it does not exist in production), 400 for a missing or over-long address.
   */
  public Messages read(String to) {
    if (!enabled) {
      throw ProblemException.notFound("the dev mailbox");
    }
    if (to == null || to.isBlank() || to.length() > MAX_ADDRESS) {
      throw ProblemException.badRequest("to", "must be an e-mail address");
    }
    return new Messages(to(to.strip()));
  }

  /** The newest messages to an address (case-insensitive), newest first; empty when disabled. */
  @Transactional
  public List<Message> to(String recipient) {
    if (!enabled) {
      return List.of();
    }
    return OutgoingMail.<OutgoingMail>find(
            "lower(recipient) = lower(?1) ORDER BY queuedAt DESC, id", recipient)
        .page(0, NEWEST)
        .list()
        .stream()
        .map(m -> new Message(m.recipient, m.subject, m.body, m.queuedAt))
        .toList();
  }
}
