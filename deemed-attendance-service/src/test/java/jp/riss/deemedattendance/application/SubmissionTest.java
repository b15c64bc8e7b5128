package jp.riss.deemedattendance.application;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.BASE;
import static jp.riss.deemedattendance.DeemedAttendanceApi.PRACTICAL;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;
import static jp.riss.deemedattendance.DeemedAttendanceApi.freshSubject;
import static jp.riss.deemedattendance.DeemedAttendanceApi.registered;
import static jp.riss.deemedattendance.application.Attestation.attestedEntry;
import static jp.riss.deemedattendance.application.Attestation.entryFor;
import static jp.riss.deemedattendance.application.Attestation.freshEmail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.riss.deemedattendance.TestClock;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.syllabus.SyllabusShadingTest;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.Test;

/** Submission with the sworn declaration: every rule broken and kept. */
@QuarkusTest
class SubmissionTest {

  static final String DECLARATION = BASE + "/declarations/current";
  static final String TOPIC = "deemedattendance.application.v1";
  static final String PROBLEM = "https://riss.example/problems/";

  @Inject AgroalDataSource dataSource;

  String specialist() {
    String subject = freshSubject();
    registered(dataSource, subject, ApplicationTest.start());
    return subject;
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

  static String currentVersion() {
    return given()
        .filter(Contracts.validator())
        .get(DECLARATION)
        .then()
        .statusCode(200)
        .extract()
        .path("version");
  }

  static String etag(String subject, String id) {
    return ApplicationTest.get(subject, ApplicationTest.APPLICATIONS + "/" + id)
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  static ValidatableResponse submit(String subject, String id, String ifMatch, Object body) {
    var request =
        given()
            // Leaving out the If-Match the contract requires is one of the cases sent on purpose.
            .filter(ifMatch == null ? Contracts.responseValidator() : Contracts.validator())
            .header("Authorization", bearer("specialist", subject))
            .contentType(ContentType.JSON)
            .body(body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.post(ApplicationTest.APPLICATIONS + "/" + id + "/submission").then();
  }

  static ValidatableResponse submit(String subject, String id) {
    return submit(subject, id, etag(subject, id), Map.of("declarationVersion", currentVersion()));
  }

  /** A draft with one attested entry, ready to submit. */
  String ready(String subject) {
    String id = ApplicationTest.draft(subject);
    attestedEntry(subject, id, entryFor(freshEmail()));
    return id;
  }

  static void broken(ValidatableResponse answer, String slug, String field) {
    answer
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo(PROBLEM + slug))
        .body("violations[0].field", equalTo(field));
  }

  @Test
  void theDeclarationIsPublicVersionedAndASample() {
    given()
        .filter(Contracts.validator())
        .get(DECLARATION)
        .then()
        .statusCode(200)
        .body("version", equalTo("2026-1"))
        .body("sample", equalTo(true))
        .body("text", containsString("第19条第2項"))
        .body("text", containsString("宣誓"))
        .body("publishedAt", notNullValue());
  }

  @Test
  void submittedWithTheDeclarationThenReadOnlyAndTheEventIsPublished() throws Exception {
    String subject = specialist();
    String id = ready(subject);
    String entryId =
        ApplicationTest.get(subject, ApplicationTest.APPLICATIONS + "/" + id)
            .extract()
            .path("entries[0].id");
    String etag = etag(subject, id);

    submit(subject, id, null, Map.of("declarationVersion", currentVersion())).statusCode(428);
    submit(subject, id, "\"999\"", Map.of("declarationVersion", currentVersion())).statusCode(412);
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("specialist", subject))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(ApplicationTest.APPLICATIONS + "/" + id + "/submission")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("declarationVersion"));

    try (EventLog log = new EventLog(KafkaResource.broker().bootstrapServers(), TOPIC)) {
      String newEtag =
          submit(subject, id, etag, Map.of("declarationVersion", "2026-1"))
              .statusCode(200)
              .body("status", equalTo("SUBMITTED"))
              .body("submittedAt", notNullValue())
              .body("declarationVersion", equalTo("2026-1"))
              .body("declarationAcceptedAt", notNullValue())
              .extract()
              .header("ETag");
      JsonNode event =
          log.awaitEvent(
              e -> id.equals(e.path("data").path("applicationId").asText()),
              Duration.ofSeconds(30));
      assertEquals("jp.riss.deemedattendance.application-submitted", event.path("type").asText());
      assertEquals("2026-1", event.path("data").path("declarationVersion").asText());
      assertEquals(1, event.path("data").path("entryCount").asInt());
      log.records().stream()
          .filter(r -> r.value().contains(id))
          .forEach(
              r -> {
                assertEquals(id, r.key());
                assertEquals(Set.of(), EventSchemas.violations(TOPIC, r.value()));
                assertFalse(r.value().contains("@example.jp"), "no certifier e-mail");
                assertFalse(r.value().contains("7000012050002"), "no corporate number");
              });

      // Read-only for the applicant now.
      submit(subject, id, newEtag, Map.of("declarationVersion", "2026-1"))
          .statusCode(409)
          .body("type", equalTo(PROBLEM + "not-a-draft"));
      ApplicationTest.addEntry(subject, id, ApplicationTest.entry(), true).statusCode(409);
      String entryPath = ApplicationTest.APPLICATIONS + "/" + id + "/entries/" + entryId;
      given()
          .filter(Contracts.validator())
          .header("Authorization", bearer("specialist", subject))
          .header("If-Match", "\"2\"")
          .contentType(ContentType.JSON)
          .body(ApplicationTest.entry())
          .put(entryPath)
          .then()
          .statusCode(409);
      given()
          .filter(Contracts.validator())
          .header("Authorization", bearer("specialist", subject))
          .delete(entryPath)
          .then()
          .statusCode(409);
      given()
          .filter(Contracts.validator())
          .header("Authorization", bearer("specialist", subject))
          .delete(ApplicationTest.APPLICATIONS + "/" + id)
          .then()
          .statusCode(409);
      Attestation.request(subject, id, entryId)
          .statusCode(409)
          .body("type", equalTo(PROBLEM + "not-a-draft"));
      ApplicationTest.get(subject, ApplicationTest.APPLICATIONS + "/" + id)
          .body("status", equalTo("SUBMITTED"));
    }
  }

  @Test
  void afterTheRenewalDueDate() throws Exception {
    String subject = specialist();
    String id = ready(subject);
    execute(
        "UPDATE cycle SET renewal_due_on = ? WHERE id = (SELECT cycle_id FROM application WHERE"
            + " id = ?::uuid)",
        RenewalCalendar.today(TestClock.CLOCK).minusDays(1),
        id);
    broken(submit(subject, id), "submission-after-due-date", "renewalDueOn");
    // On the due date itself it is still in time.
    execute(
        "UPDATE cycle SET renewal_due_on = ? WHERE id = (SELECT cycle_id FROM application WHERE"
            + " id = ?::uuid)",
        RenewalCalendar.today(TestClock.CLOCK),
        id);
    submit(subject, id).statusCode(200);
  }

  @Test
  void atLeastOneEntry() {
    String subject = specialist();
    String id = ApplicationTest.draft(subject);
    broken(submit(subject, id), "submission-without-entries", "entries");
  }

  @Test
  void everyEntryAttested() {
    String subject = specialist();
    String id = ready(subject);
    String email = freshEmail();
    String second =
        ApplicationTest.addEntry(subject, id, entryFor(email), true)
            .statusCode(201)
            .extract()
            .path("id");
    ValidatableResponse answer = submit(subject, id);
    broken(answer, "entry-not-attested", "entries[1]");
    answer.body("entryId", equalTo(second));
    // Pending is not attested either; declined neither.
    Attestation.request(subject, id, second).statusCode(202);
    broken(submit(subject, id), "entry-not-attested", "entries[1]");
    Attestation.decide(
            Attestation.tokens(email).get(0), Map.of("decision", "DECLINED", "comment", "違います"))
        .statusCode(200);
    broken(submit(subject, id), "entry-not-attested", "entries[1]");
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .delete(ApplicationTest.APPLICATIONS + "/" + id + "/entries/" + second)
        .then()
        .statusCode(204);
    submit(subject, id).statusCode(200);
  }

  @Test
  void theCurrentDeclaration() {
    String subject = specialist();
    String id = ready(subject);
    ValidatableResponse answer =
        submit(subject, id, etag(subject, id), Map.of("declarationVersion", "2025-1"));
    broken(answer, "declaration-not-current", "declarationVersion");
    answer.body("currentDeclarationVersion", equalTo("2026-1"));
    submit(subject, id, etag(subject, id), Map.of("declarationVersion", "2026-1")).statusCode(200);
  }

  @Test
  void atLeastOneEntryOnANonShadedSubItem() throws Exception {
    String subject = specialist();
    String id = ApplicationTest.draft(subject);
    Map<String, Object> entry = entryFor(freshEmail());
    entry.put("syllabusItems", List.of("4-4"));
    attestedEntry(subject, id, entry);
    // IPA shades 4-4 through the API (as its administrators do), then puts it back.
    SyllabusShadingTest.shade("4-4", true);
    try {
      broken(submit(subject, id), "only-shaded-items", "entries");
    } finally {
      SyllabusShadingTest.shade("4-4", false);
    }
    submit(subject, id).statusCode(200);
  }

  @Test
  void periodsInsideTheCycle() throws Exception {
    String subject = specialist();
    String id = ready(subject);
    // Only data changed behind the API can break it: entries are checked when written.
    execute(
        "UPDATE experience_entry SET period_from = ? WHERE application_id = ?::uuid",
        ApplicationTest.start().minusDays(1),
        id);
    ValidatableResponse answer = submit(subject, id);
    broken(answer, "period-outside-cycle", "entries[0].periodFrom");
    answer.body("entryId", notNullValue());
    execute(
        "UPDATE experience_entry SET period_from = ? WHERE application_id = ?::uuid",
        ApplicationTest.start(),
        id);
    submit(subject, id).statusCode(200);
  }

  @Test
  void noOtherOpenApplicationForTheCycle() {
    String subject = specialist();
    String first = ready(subject);
    submit(subject, first).statusCode(200);
    // A submitted application does not block a new draft, but it blocks its submission.
    String second =
        ApplicationTest.create(subject, Map.of("requirementKind", PRACTICAL))
            .statusCode(201)
            .extract()
            .path("id");
    attestedEntry(subject, second, entryFor(freshEmail()));
    submit(subject, second)
        .statusCode(422)
        .body("type", equalTo(PROBLEM + "open-application-exists"))
        .body("applicationId", equalTo(first));
  }

  @Test
  void anotherSpecialistsApplicationIsNotFound() {
    String owner = specialist();
    String id = ready(owner);
    submit(specialist(), id, etag(owner, id), Map.of("declarationVersion", "2026-1"))
        .statusCode(404);
  }
}
