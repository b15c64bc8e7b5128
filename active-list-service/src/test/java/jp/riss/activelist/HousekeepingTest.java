package jp.riss.activelist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import jp.riss.platform.housekeeping.Housekeeping;
import org.junit.jupiter.api.Test;

/** Old platform rows go; anything still needed (an unsent event or mail, a recent key) stays. */
@QuarkusTest
class HousekeepingTest {

  @Inject AgroalDataSource dataSource;
  @Inject Housekeeping housekeeping;

  @Test
  void removesWhatIsNoLongerNeededAndNeverAnUnsentEvent() throws Exception {
    UUID oldSent = UUID.randomUUID();
    UUID oldUnsent = UUID.randomUUID();
    UUID recentSent = UUID.randomUUID();
    outbox(oldSent, "now() - interval '10 days'", "now() - interval '10 days'");
    outbox(oldUnsent, "now() - interval '10 days'", "NULL");
    outbox(recentSent, "now() - interval '1 day'", "now() - interval '1 day'");
    UUID oldHandled = UUID.randomUUID();
    UUID recentHandled = UUID.randomUUID();
    inbox(oldHandled, "now() - interval '40 days'");
    inbox(recentHandled, "now() - interval '5 days'");
    String oldKey = "hk-old-" + UUID.randomUUID();
    String recentKey = "hk-new-" + UUID.randomUUID();
    idempotencyKey(oldKey, "now() - interval '25 hours'");
    idempotencyKey(recentKey, "now() - interval '1 hour'");
    UUID oldMail = UUID.randomUUID();
    UUID givenUpMail = UUID.randomUUID();
    UUID recentMail = UUID.randomUUID();
    mail(oldMail, "now() - interval '40 days'", 1);
    mail(givenUpMail, "NULL", 30); // never delivered (given up): kept for an operator to see
    mail(recentMail, "now() - interval '5 days'", 1);

    housekeeping.purge();

    assertEquals(0, count("SELECT count(*) FROM outbox WHERE event_id = ?", oldSent));
    assertEquals(1, count("SELECT count(*) FROM outbox WHERE event_id = ?", oldUnsent));
    assertEquals(1, count("SELECT count(*) FROM outbox WHERE event_id = ?", recentSent));
    assertEquals(0, count("SELECT count(*) FROM inbox WHERE event_id = ?", oldHandled));
    assertEquals(1, count("SELECT count(*) FROM inbox WHERE event_id = ?", recentHandled));
    assertEquals(0, count("SELECT count(*) FROM idempotency_key WHERE key = ?", oldKey));
    assertEquals(1, count("SELECT count(*) FROM idempotency_key WHERE key = ?", recentKey));
    assertEquals(0, count("SELECT count(*) FROM outgoing_mail WHERE id = ?", oldMail));
    assertEquals(1, count("SELECT count(*) FROM outgoing_mail WHERE id = ?", givenUpMail));
    assertEquals(1, count("SELECT count(*) FROM outgoing_mail WHERE id = ?", recentMail));
    execute("DELETE FROM outgoing_mail WHERE id = ?", givenUpMail);

    // The old unsent row is a real event that must still go out; leave nothing for the relay.
    execute("DELETE FROM outbox WHERE event_id = ?", oldUnsent);
  }

  private void outbox(UUID eventId, String createdAt, String sentAt) throws Exception {
    execute(
        "INSERT INTO outbox (event_id, topic, aggregate_id, event_type, envelope, created_at,"
            + " sent_at) VALUES (?, 'housekeeping.test.v1', 'hk', 't', '{}', "
            + createdAt
            + ", "
            + sentAt
            + ")",
        eventId);
  }

  private void mail(UUID id, String sentAt, int attempts) throws Exception {
    execute(
        "INSERT INTO outgoing_mail (id, recipient, subject, body, queued_at, sent_at, attempts)"
            + " VALUES (?, 'hk@example.jp', 's', 'b', now() - interval '40 days', "
            + sentAt
            + ", "
            + attempts
            + ")",
        id);
  }

  private void inbox(UUID eventId, String handledAt) throws Exception {
    execute(
        "INSERT INTO inbox (event_id, consumer, topic, event_type, handled_at)"
            + " VALUES (?, 'hk', 'hk', 't', "
            + handledAt
            + ")",
        eventId);
  }

  private void idempotencyKey(String key, String createdAt) throws Exception {
    execute(
        "INSERT INTO idempotency_key (principal, key, fingerprint, created_at)"
            + " VALUES ('hk', ?, 'f', "
            + createdAt
            + ")",
        key);
  }

  private void execute(String sql, Object arg) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, arg);
      ps.executeUpdate();
    }
  }

  private long count(String sql, Object arg) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
