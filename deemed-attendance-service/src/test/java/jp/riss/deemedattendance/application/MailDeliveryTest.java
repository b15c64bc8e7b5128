package jp.riss.deemedattendance.application;

import static jp.riss.deemedattendance.DeemedAttendanceApi.freshSubject;
import static jp.riss.deemedattendance.DeemedAttendanceApi.registered;
import static jp.riss.deemedattendance.application.Attestation.decide;
import static jp.riss.deemedattendance.application.Attestation.entryFor;
import static jp.riss.deemedattendance.application.Attestation.freshEmail;
import static jp.riss.deemedattendance.application.Attestation.request;
import static jp.riss.deemedattendance.application.Attestation.view;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.riss.platform.mail.MailQueue;
import jp.riss.platform.mail.MailRelay;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.SmtpResource;
import org.junit.jupiter.api.Test;

/**
 * Certifiers really get their attestation mail: over SMTP, to a real SMTP server in the test JVM,
 * with retries while the server is down, and once per event.
 */
@QuarkusTest
class MailDeliveryTest {

  private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]{43})");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration AFTER_RESTART = Duration.ofSeconds(75);

  @Inject AgroalDataSource dataSource;
  @Inject MailQueue queue;
  @Inject MailRelay relay;

  /** sent_at, attempts and last_error of the mail queued to {@code to}. */
  record Row(OffsetDateTime sentAt, int attempts, String lastError) {}

  Row row(String to) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT sent_at, attempts, last_error FROM outgoing_mail WHERE recipient = ?")) {
      s.setString(1, to);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "a mail is queued to " + to);
        Row row = new Row(rs.getObject(1, OffsetDateTime.class), rs.getInt(2), rs.getString(3));
        assertFalse(rs.next(), "only one mail is queued to " + to);
        return row;
      }
    }
  }

  String pendingAttestation(String email) {
    String subject = freshSubject();
    registered(dataSource, subject, ApplicationTest.start());
    String id = ApplicationTest.draft(subject);
    String entryId =
        ApplicationTest.addEntry(subject, id, entryFor(email), true)
            .statusCode(201)
            .extract()
            .path("id");
    request(subject, id, entryId).statusCode(202);
    return entryId;
  }

  static String text(MimeMessage message) throws Exception {
    return ((String) message.getContent()).replace("\r\n", "\n");
  }

  @Test
  void theCertifierReceivesTheAttestationMailOverSmtpAndItsLinkWorks() throws Exception {
    String email = freshEmail();
    JsonNode event;
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), AttestationTest.TOPIC)) {
      String entryId = pendingAttestation(email);
      event = log.awaitEvent(e -> entryId.equals(e.path("data").path("entryId").asText()), WAIT);
    }
    List<MimeMessage> inbox =
        await().atMost(WAIT).until(() -> SmtpResource.received(email), m -> m.size() == 1);
    MimeMessage mail = inbox.get(0);
    // What the event says is mailed is what arrives, in Japanese then English.
    assertEquals(event.path("data").path("mailSubject").asText(), mail.getSubject());
    String body = text(mail);
    // (SMTP may end the text with its own line break)
    assertEquals(event.path("data").path("mailBody").asText().strip(), body.strip());
    assertTrue(body.indexOf("様") < body.indexOf("Dear"), body);
    // The Message-ID is the event's id: a second delivery of it would be recognisable.
    assertEquals(relay.messageId(UUID.fromString(event.path("id").asText())), mail.getMessageID());
    Row row = row(email);
    assertNotNull(row.sentAt());
    assertEquals(1, row.attempts());

    Matcher token = TOKEN.matcher(body);
    assertTrue(token.find(), body);
    view(token.group(1)).statusCode(200);
    decide(token.group(1), Map.of("decision", "CONFIRMED"))
        .statusCode(200)
        .body("decision", equalTo("CONFIRMED"));
  }

  @Test
  void whileTheSmtpServerIsDownTheMailIsRetriedAndThenDelivered() throws Exception {
    String email = freshEmail();
    SmtpResource.stopServer();
    try {
      pendingAttestation(email);
      // Refused connections are recorded, and the message is tried again and again.
      Row failing = await().atMost(WAIT).until(() -> row(email), r -> r.attempts() >= 2);
      assertNull(failing.sentAt());
      assertNotNull(failing.lastError());
      assertTrue(SmtpResource.received(email).isEmpty());
    } finally {
      SmtpResource.restart();
    }
    // An attempt that connects while the test server is still starting can get no greeting and
    // hang until the server's 30 s socket timeout ends it; the next attempt then delivers.
    await().atMost(AFTER_RESTART).until(() -> SmtpResource.received(email), m -> m.size() == 1);
    Row delivered = await().atMost(WAIT).until(() -> row(email), r -> r.sentAt() != null);
    assertNull(delivered.lastError());
    assertTrue(delivered.attempts() >= 3, "attempts " + delivered.attempts());
  }

  @Test
  void theSameEventAskingAgainMailsOnce() throws Exception {
    String email = freshEmail();
    UUID eventId = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now();
    assertTrue(
        QuarkusTransaction.requiringNew()
            .call(() -> queue.send(eventId, email, "件名 / Subject", "本文\nBody\n", now)));
    await().atMost(WAIT).until(() -> SmtpResource.received(email), m -> m.size() == 1);
    // The event redelivered (or its producer retried): already queued, nothing more is sent.
    assertFalse(
        QuarkusTransaction.requiringNew()
            .call(() -> queue.send(eventId, email, "件名 / Subject", "本文\nBody\n", now)));
    relay.deliverBatch();
    assertEquals(1, SmtpResource.received(email).size());
    assertEquals(1, row(email).attempts());
  }
}
