package jp.riss.deemedattendance.audit;

import static jp.riss.deemedattendance.audit.AuditTest.AUDITS;
import static jp.riss.deemedattendance.audit.AuditTest.admin;
import static jp.riss.deemedattendance.audit.AuditTest.reviewer;
import static jp.riss.deemedattendance.audit.AuditTest.setRate;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import jp.riss.deemedattendance.DeemedAttendanceApi;
import jp.riss.deemedattendance.Journeys;
import jp.riss.deemedattendance.Journeys.Specialist;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.registry.RegistrationChanged;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One fulfilment rule: an APPROVED application fulfils its requirement in the specialist's cycle
 * view, in the registration event and against a second application; a revocation reopens it.
 */
@QuarkusTest
class ApprovalFulfilmentTest {

  @Inject AgroalDataSource dataSource;

  @BeforeEach
  void everything() {
    setRate(Strata.CLIENT_ATTESTED, "1");
    setRate(Strata.EMPLOYER_ATTESTED, "1");
  }

  @AfterEach
  void restore() {
    setRate(Strata.CLIENT_ATTESTED, "0.05");
    setRate(Strata.EMPLOYER_ATTESTED, "0.05");
  }

  private static JsonNode practical(JsonNode registrationEvent) {
    for (JsonNode r : registrationEvent.path("data").path("cycles").path(0).path("requirements")) {
      if (r.path("kind").asText().equals("practical-course")) {
        return r;
      }
    }
    throw new AssertionError("no practical-course in " + registrationEvent);
  }

  @Test
  void anApprovalFulfilsTheRequirementUntilARevocationReopensIt() {
    Specialist s = Journeys.specialist(dataSource, Journeys.startDue(300));
    String application = Journeys.submitted(s, "CLIENT");
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), RegistrationChanged.TOPIC)) {
      Journeys.approve(application);

      DeemedAttendanceApi.myCycle(s.subject())
          .statusCode(200)
          .body("requirements.find { it.kind == 'practical-course' }.done", equalTo(true))
          .body(
              "requirements.find { it.kind == 'practical-course' }.periods[0].fulfilledBy",
              equalTo("DEEMED_ATTENDANCE"))
          .body(
              "requirements.find { it.kind == 'practical-course' }.periods[0].applicationId",
              equalTo(application))
          .body(
              "requirements.find { it.kind == 'practical-course' }.coverableByDeemedAttendance",
              equalTo(false));
      JsonNode approved =
          log.awaitEvent(
              e ->
                  s.number().equals(e.path("subject").asText())
                      && practical(e).path("done").asBoolean(),
              Duration.ofSeconds(30));
      JsonNode covered = practical(approved).path("periods").path(0);
      assertEquals("DEEMED_ATTENDANCE", covered.path("fulfilledBy").asText());
      assertEquals(application, covered.path("applicationId").asText());

      // A second application for the covered requirement is refused.
      io.restassured.RestAssured.given()
          .filter(Contracts.validator())
          .header("Authorization", DeemedAttendanceApi.bearer("specialist", s.subject()))
          .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
          .contentType(ContentType.JSON)
          .body(Map.of("requirementKind", "practical-course"))
          .post(Journeys.APPLICATIONS)
          .then()
          .statusCode(409)
          .body("type", equalTo(AuditTest.PROBLEM + "requirement-done"));

      // A sample audit finds a false declaration: the approval is revoked and the gap is open
      // again.
      String today = RenewalCalendar.today().toString();
      String auditId =
          admin("POST", AUDITS + "/draws", null, Map.of("periodFrom", today, "periodTo", today))
              .statusCode(201)
              .extract()
              .jsonPath()
              .getString("audits.find { it.applicationId == '" + application + "' }.id");
      String etag =
          admin("GET", AUDITS + "/" + auditId, null, null).statusCode(200).extract().header("ETag");
      reviewer(
              AUDITS + "/" + auditId + "/outcome",
              etag,
              Map.of("outcome", "FALSE_DECLARATION", "comment", "契約期間外の業務を記載していた"))
          .statusCode(200);

      DeemedAttendanceApi.myCycle(s.subject())
          .statusCode(200)
          .body("requirements.find { it.kind == 'practical-course' }.done", equalTo(false))
          .body(
              "requirements.find { it.kind == 'practical-course' }.periods[0].fulfilledBy",
              equalTo(null))
          .body(
              "requirements.find { it.kind == 'practical-course' }.coverableByDeemedAttendance",
              equalTo(true));
      JsonNode reopened =
          log.awaitEvent(
              e ->
                  s.number().equals(e.path("subject").asText())
                      && e.path("data").path("version").asLong()
                          > approved.path("data").path("version").asLong(),
              Duration.ofSeconds(30));
      assertEquals(false, practical(reopened).path("done").asBoolean());
      log.records().stream()
          .filter(r -> s.number().equals(r.key()))
          .forEach(
              r ->
                  assertEquals(
                      Set.of(), EventSchemas.violations(RegistrationChanged.SCHEMA, r.value())));
    }
  }
}
