package jp.riss.deemedattendance.application;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;
import static jp.riss.deemedattendance.DeemedAttendanceApi.freshSubject;
import static jp.riss.deemedattendance.DeemedAttendanceApi.registered;
import static jp.riss.deemedattendance.application.Attestation.CURRENT;
import static jp.riss.deemedattendance.application.Attestation.HEADER;
import static jp.riss.deemedattendance.application.Attestation.decide;
import static jp.riss.deemedattendance.application.Attestation.entryFor;
import static jp.riss.deemedattendance.application.Attestation.freshEmail;
import static jp.riss.deemedattendance.application.Attestation.mailbox;
import static jp.riss.deemedattendance.application.Attestation.request;
import static jp.riss.deemedattendance.application.Attestation.tokens;
import static jp.riss.deemedattendance.application.Attestation.view;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.deemedattendance.TestClock;
import jp.riss.platform.mail.DevMailbox;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.Test;

/** The owner asks, the certifier answers with the one-time token only. */
@QuarkusTest
class AttestationTest {

  static final String TOPIC = "deemedattendance.attestation.v1";

  @Inject AgroalDataSource dataSource;
  @Inject DevMailbox devMailbox;

  String specialist() {
    String subject = freshSubject();
    registered(dataSource, subject, ApplicationTest.start());
    return subject;
  }

  String addEntry(String subject, String applicationId, Map<String, Object> body) {
    return ApplicationTest.addEntry(subject, applicationId, body, true)
        .statusCode(201)
        .extract()
        .path("id");
  }

  long count(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  void execute(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  static String sha256(String token) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
  }

  String entryPath(String applicationId, String entryId) {
    return ApplicationTest.APPLICATIONS + "/" + applicationId + "/entries/" + entryId;
  }

  @Test
  void requestViewConfirmOnce() {
    String subject = specialist();
    String id = ApplicationTest.draft(subject);
    String email = freshEmail();
    String entryId = addEntry(subject, id, entryFor(email));
    OffsetDateTime before = OffsetDateTime.now();
    String expires =
        request(subject, id, entryId)
            .statusCode(202)
            .header("ETag", "\"1\"")
            .body("status", equalTo("PENDING_ATTESTATION"))
            .body("attestationRequestedAt", notNullValue())
            .body("attestationDecidedAt", nullValue())
            .extract()
            .path("attestationExpiresAt");
    Duration validity = Duration.between(before, OffsetDateTime.parse(expires));
    assertTrue(
        validity.compareTo(Duration.ofDays(14).minusMinutes(1)) > 0
            && validity.compareTo(Duration.ofDays(14).plusMinutes(1)) < 0,
        "expiry is 14 days ahead: " + validity);

    // A pending entry can't be changed or sent again.
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .header("If-Match", "\"1\"")
        .contentType(ContentType.JSON)
        .body(ApplicationTest.entry())
        .put(entryPath(id, entryId))
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/entry-not-editable"));
    request(subject, id, entryId)
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/attestation-not-requestable"))
        .body("entryStatus", equalTo("PENDING_ATTESTATION"));

    mailbox(email)
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].to", equalTo(email))
        .body("items[0].body", containsString("山田 太郎 様"));
    String token = tokens(email).get(0);

    // Exactly the entry and who asks: no corporate number, no e-mail, nothing else.
    Map<String, Object> shown = view(token).statusCode(200).extract().as(Map.class);
    assertEquals(
        Set.of(
            "title",
            "description",
            "periodFrom",
            "periodTo",
            "organisationName",
            "applicantRole",
            "applicantDisplayName"),
        shown.keySet());
    assertEquals("拠点間ネットワークの境界設定の見直し", shown.get("title"));
    assertTrue(((String) shown.get("applicantDisplayName")).contains("登録番号"));
    view(token)
        .body(not(containsString("7000012050002")))
        .body(not(containsString(email)))
        .body(not(containsString(subject)));

    decide(token, Map.of("decision", "CONFIRMED"))
        .statusCode(200)
        .body("decision", equalTo("CONFIRMED"))
        .body("decidedAt", notNullValue());
    ApplicationTest.get(subject, entryPath(id, entryId))
        .statusCode(200)
        .body("status", equalTo("ATTESTED"))
        .body("attestedByName", equalTo("山田 太郎"))
        .body("attestationDecidedAt", notNullValue());

    // Single use, whatever is tried next.
    view(token)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/attestation-token-used"));
    decide(token, Map.of("decision", "DECLINED", "comment", "やはり違う"))
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/attestation-token-used"));
    ApplicationTest.get(subject, entryPath(id, entryId)).body("status", equalTo("ATTESTED"));
    request(subject, id, entryId)
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/attestation-not-requestable"));
  }

  @Test
  void onlyTheHashOfTheTokenIsStored() throws Exception {
    String subject = specialist();
    String id = ApplicationTest.draft(subject);
    String email = freshEmail();
    String entryId = addEntry(subject, id, entryFor(email));
    request(subject, id, entryId).statusCode(202);
    String token = tokens(email).get(0);
    assertEquals(43, token.length());
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM attestation_request WHERE entry_id = ?::uuid AND token_hash = ?",
            entryId,
            sha256(token)));
    // The raw token is in no row of the service's own tables (outbox and dev mail aside).
    for (String table :
        List.of("attestation_request", "experience_entry", "application", "idempotency_key")) {
      assertEquals(
          0,
          count("SELECT count(*) FROM " + table + " t WHERE t::text LIKE ?", "%" + token + "%"),
          table);
    }
  }

  @Test
  void anExpiredTokenIsGone() throws Exception {
    String subject = specialist();
    String id = ApplicationTest.draft(subject);
    String email = freshEmail();
    String entryId = addEntry(subject, id, entryFor(email));
    request(subject, id, entryId).statusCode(202);
    String token = tokens(email).get(0);
    view(token).statusCode(200);
    // The link is valid 14 days: a minute after that, by the service's clock, it is gone.
    TestClock.CLOCK.advance(Duration.ofDays(14).plusMinutes(1));
    try {
      view(token)
          .statusCode(410)
          .contentType("application/problem+json")
          .body("type", equalTo("https://riss.example/problems/attestation-token-expired"))
          .body("expiredAt", notNullValue());
      decide(token, Map.of("decision", "CONFIRMED"))
          .statusCode(410)
          .body("type", equalTo("https://riss.example/problems/attestation-token-expired"));
      ApplicationTest.get(subject, entryPath(id, entryId))
          .body("status", equalTo("PENDING_ATTESTATION"));
    } finally {
      TestClock.CLOCK.reset();
    }
  }

  @Test
  void unknownMalformedAndMissingTokens() {
    // Well-formed but never issued.
    String unknown = "A".repeat(43);
    view(unknown)
        .statusCode(404)
        .body("type", equalTo("https://riss.example/problems/attestation-token-unknown"));
    decide(unknown, Map.of("decision", "CONFIRMED"))
        .statusCode(404)
        .body("type", equalTo("https://riss.example/problems/attestation-token-unknown"));
    for (String bad : List.of("abc", "A".repeat(44), "A".repeat(42) + "=")) {
      view(bad).statusCode(400).body("violations[0].field", equalTo(HEADER));
    }
    given()
        .filter(Contracts.responseValidator())
        .get(CURRENT)
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo(HEADER));
    // A bearer token that is sent must be valid, as on every public endpoint.
    given()
        .filter(Contracts.responseValidator())
        .header(HEADER, unknown)
        .header("Authorization", "Bearer not-a-token")
        .get(CURRENT)
        .then()
        .statusCode(401);
  }

  @Test
  void declineNeedsACommentThenTheEntryCanBeEditedAndSentAgain() {
    String subject = specialist();
    String id = ApplicationTest.draft(subject);
    String email = freshEmail();
    String entryId = addEntry(subject, id, entryFor(email));
    request(subject, id, entryId).statusCode(202);
    String first = tokens(email).get(0);

    decisionRejectedNaming(first, Map.of("decision", "DECLINED"), "comment");
    decisionRejectedNaming(first, Map.of("decision", "MAYBE"), "decision");
    decide(first, Map.of("decision", "DECLINED", "comment", "期間が実際と異なります。"))
        .statusCode(200)
        .body("decision", equalTo("DECLINED"))
        .body("comment", equalTo("期間が実際と異なります。"));
    String etag =
        ApplicationTest.get(subject, entryPath(id, entryId))
            .statusCode(200)
            .body("status", equalTo("DECLINED"))
            .body("attestationComment", equalTo("期間が実際と異なります。"))
            .extract()
            .header("ETag");

    // Declined: editable again, then sent again with a new link; the old one stays used.
    Map<String, Object> changed = entryFor(email);
    changed.put("title", "拠点間ネットワークの境界設定の見直し（期間訂正）");
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(changed)
        .put(entryPath(id, entryId))
        .then()
        .statusCode(200);
    request(subject, id, entryId)
        .statusCode(202)
        .body("status", equalTo("PENDING_ATTESTATION"))
        .body("attestationComment", nullValue());
    List<String> sent = tokens(email);
    assertEquals(2, sent.size());
    String second = sent.get(0);
    assertNotEquals(first, second);
    view(first).statusCode(409);
    view(second).statusCode(200).body("title", equalTo("拠点間ネットワークの境界設定の見直し（期間訂正）"));
    decide(second, Map.of("decision", "CONFIRMED", "comment", "確認しました。")).statusCode(200);
    ApplicationTest.get(subject, entryPath(id, entryId)).body("status", equalTo("ATTESTED"));
  }

  @Test
  void theEventCarriesTheMessageAndMatchesItsSchema() throws Exception {
    String subject = specialist();
    String id = ApplicationTest.draft(subject);
    String email = freshEmail();
    String entryId = addEntry(subject, id, entryFor(email));
    try (EventLog log = new EventLog(KafkaResource.broker().bootstrapServers(), TOPIC)) {
      request(subject, id, entryId).statusCode(202);
      String token = tokens(email).get(0);
      JsonNode event =
          log.awaitEvent(
              e -> entryId.equals(e.path("data").path("entryId").asText()), Duration.ofSeconds(30));
      assertEquals("jp.riss.deemedattendance.attestation-requested", event.path("type").asText());
      assertEquals(email, event.path("data").path("certifierEmail").asText());
      assertTrue(event.path("data").path("link").asText().endsWith("#token=" + token));
      assertEquals(
          mailbox(email).extract().path("items[0].body"),
          event.path("data").path("mailBody").asText());
      log.records().stream()
          .filter(r -> r.value().contains(entryId))
          .forEach(
              r -> {
                assertEquals(entryId, r.key());
                assertEquals(
                    Set.of(),
                    EventSchemas.violations("deemedattendance.attestation.v1", r.value()));
              });
    }
  }

  @Test
  void theDevMailboxIsForAdminsAndOnlyWhenEnabled() {
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("ipa-admin", "ipa-admin-1"))
        .get(Attestation.MAILBOX)
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("to"));
    devMailbox.enable(false);
    try {
      mailbox(freshEmail())
          .statusCode(404)
          .contentType("application/problem+json")
          .body("type", equalTo("https://riss.example/problems/not-found"));
      // The mailbox only hides what is queued: in production (disabled) the message is still
      // queued for the sender, so it is there once the mailbox is turned on.
      String subject = specialist();
      String id = ApplicationTest.draft(subject);
      String email = freshEmail();
      String entryId = addEntry(subject, id, entryFor(email));
      request(subject, id, entryId).statusCode(202);
      devMailbox.enable(true);
      mailbox(email).statusCode(200).body("items", hasSize(1));
    } finally {
      devMailbox.enable(true);
    }
  }

  @Test
  void anotherSpecialistCannotRequestAttestation() {
    String owner = specialist();
    String id = ApplicationTest.draft(owner);
    String entryId = addEntry(owner, id, entryFor(freshEmail()));
    request(specialist(), id, entryId)
        .statusCode(404)
        .body("type", equalTo("https://riss.example/problems/not-found"));
    request(owner, id, UUID.randomUUID().toString()).statusCode(404);
  }

  @Test
  void theCertifierEmailIsInNoAnswerButTheDevMailbox() {
    String subject = specialist();
    String email = freshEmail();
    String id = ApplicationTest.draft(subject);
    List<String> answers = new java.util.ArrayList<>();
    var added = ApplicationTest.addEntry(subject, id, entryFor(email), true).statusCode(201);
    answers.add(added.extract().asString());
    String entryId = added.extract().path("id");
    var entry = ApplicationTest.get(subject, entryPath(id, entryId)).statusCode(200);
    answers.add(entry.extract().asString());
    answers.add(
        given()
            .filter(Contracts.validator())
            .header("Authorization", bearer("specialist", subject))
            .header("If-Match", entry.extract().header("ETag"))
            .contentType(ContentType.JSON)
            .body(entryFor(email))
            .put(entryPath(id, entryId))
            .then()
            .statusCode(200)
            .extract()
            .asString());
    answers.add(request(subject, id, entryId).statusCode(202).extract().asString());
    answers.add(
        ApplicationTest.get(subject, ApplicationTest.APPLICATIONS + "/" + id)
            .statusCode(200)
            .extract()
            .asString());
    answers.add(
        ApplicationTest.get(subject, ApplicationTest.MINE).statusCode(200).extract().asString());
    String token = tokens(email).get(0);
    answers.add(view(token).statusCode(200).extract().asString());
    answers.add(
        decide(token, Map.of("decision", "CONFIRMED")).statusCode(200).extract().asString());
    answers.add(view(token).statusCode(409).extract().asString());
    answers.add(SubmissionTest.submit(subject, id).statusCode(200).extract().asString());
    for (String answer : answers) {
      assertTrue(
          !answer.contains(email) && !answer.contains(email.substring(0, email.indexOf('@'))),
          answer);
    }
    mailbox(email).statusCode(200).body("items[0].to", equalTo(email));
  }

  /** A decision the contract forbids on purpose: a 400 problem naming the field at fault. */
  private static void decisionRejectedNaming(String token, Map<String, ?> body, String field) {
    given()
        .filter(Contracts.responseValidator())
        .header(HEADER, token)
        .contentType(ContentType.JSON)
        .body(body)
        .post(CURRENT)
        .then()
        .statusCode(400)
        .body("violations.field", org.hamcrest.Matchers.hasItem(field));
  }
}
