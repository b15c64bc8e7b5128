package jp.riss.deemedattendance.audit;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.BASE;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;
import static jp.riss.deemedattendance.Journeys.APPLICATIONS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.deemedattendance.DeemedAttendanceApi;
import jp.riss.deemedattendance.Journeys;
import jp.riss.deemedattendance.Journeys.Specialist;
import jp.riss.deemedattendance.TestClock;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.registry.RegistrationChanged;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sample audits: rates, a recorded and recomputable draw, outcomes, revocation and its events. */
@QuarkusTest
class AuditTest {

  static final String AUDITS = BASE + "/audits";
  static final String PROBLEM = "https://riss.example/problems/";

  @Inject AgroalDataSource dataSource;

  static ValidatableResponse admin(String method, String path, String ifMatch, Object body) {
    var request =
        given()
            // Leaving out the If-Match the contract requires is one of the cases sent on purpose.
            .filter(ifMatch == null ? Contracts.responseValidator() : Contracts.validator())
            .header("Authorization", bearer("ipa-admin", "admin-1"));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (body != null) {
      request.contentType(ContentType.JSON).body(body);
    }
    return request.request(method, path).then();
  }

  static ValidatableResponse reviewer(String path, String ifMatch, Object body) {
    var request =
        given()
            // Leaving out the If-Match the contract requires is one of the cases sent on purpose.
            .filter(ifMatch == null ? Contracts.responseValidator() : Contracts.validator())
            .header("Authorization", bearer("ipa-reviewer", "auditor-1"))
            .contentType(ContentType.JSON)
            .body(body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.post(path).then();
  }

  static void setRate(String stratum, String rate) {
    JsonPath strata =
        admin("GET", AUDITS + "/strata", null, null).statusCode(200).extract().jsonPath();
    int version = strata.getInt("find { it.code == '" + stratum + "' }.version");
    admin(
            "PUT",
            AUDITS + "/strata/" + stratum,
            "\"" + version + "\"",
            Map.of("rate", new java.math.BigDecimal(rate)))
        .statusCode(200);
  }

  // Every approved application of today goes into the sample, so ours are certainly drawn.
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

  @Test
  void ratesAreIpaAdminsWithIfMatchAndChecked() {
    JsonPath strata =
        admin("GET", AUDITS + "/strata", null, null).statusCode(200).extract().jsonPath();
    assertEquals(List.of("CLIENT_ATTESTED", "EMPLOYER_ATTESTED"), strata.getList("code"));
    int version = strata.getInt("[0].version");
    admin("PUT", AUDITS + "/strata/CLIENT_ATTESTED", null, Map.of("rate", 0.1)).statusCode(428);
    admin(
            "PUT",
            AUDITS + "/strata/CLIENT_ATTESTED",
            "\"" + (version + 5) + "\"",
            Map.of("rate", 0.1))
        .statusCode(412);
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("ipa-admin", "admin-1"))
        .header("If-Match", "\"" + version + "\"")
        .contentType(ContentType.JSON)
        .body(Map.of("rate", 2))
        .put(AUDITS + "/strata/CLIENT_ATTESTED")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("rate"));
    admin("PUT", AUDITS + "/strata/NO_SUCH", "\"0\"", Map.of("rate", 0.1)).statusCode(404);
  }

  @Test
  void aDrawIsRecordedRecomputableAndAFalseDeclarationRevokes() throws Exception {
    Specialist client = Journeys.specialist(dataSource, Journeys.startDue(300));
    Specialist employed = Journeys.specialist(dataSource, Journeys.startDue(310));
    String clientApp = Journeys.submitted(client, "CLIENT");
    String employedApp = Journeys.submitted(employed, "EMPLOYER");
    Journeys.approve(clientApp);
    Journeys.approve(employedApp);

    String today = RenewalCalendar.today(TestClock.CLOCK).toString();
    JsonPath draw =
        admin(
                "POST",
                AUDITS + "/draws",
                null,
                Map.of("periodFrom", today, "periodTo", today, "seed", "-1234567890123456789"))
            .statusCode(201)
            .body("seed", equalTo("-1234567890123456789"))
            .body("algorithm", equalTo(Sampler.ALGORITHM))
            .extract()
            .jsonPath();
    String drawId = draw.getString("id");
    List<String> clients =
        draw.getList("strata.find { it.stratum == 'CLIENT_ATTESTED' }.population");
    List<String> employers =
        draw.getList("strata.find { it.stratum == 'EMPLOYER_ATTESTED' }.population");
    assertTrue(clients.contains(clientApp) && !clients.contains(employedApp), "" + clients);
    assertTrue(employers.contains(employedApp), "" + employers);
    assertEquals(clients.stream().sorted().toList(), clients, "population recorded sorted by id");
    assertEquals(
        Set.copyOf(clients),
        Set.copyOf(draw.getList("strata.find { it.stratum == 'CLIENT_ATTESTED' }.selected")),
        "rate 1 selects everyone");

    // Recomputed from the recorded seed and population: the same selection.
    admin("POST", AUDITS + "/draws/" + drawId + "/re-run", null, null)
        .statusCode(200)
        .body("identical", equalTo(true))
        .body("strata.identical", org.hamcrest.Matchers.everyItem(equalTo(true)))
        .body("seed", equalTo("-1234567890123456789"));
    assertEquals(
        draw.getList("strata.selected"),
        admin("GET", AUDITS + "/draws/" + drawId, null, null)
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("strata.selected"));
    // A tampered record no longer recomputes the same.
    Journeys.execute(
        dataSource,
        "UPDATE audit_draw_stratum SET rate = 0.0001 WHERE draw_id = ? AND stratum = 'CLIENT_ATTESTED'",
        UUID.fromString(drawId));
    admin("POST", AUDITS + "/draws/" + drawId + "/re-run", null, null)
        .statusCode(200)
        .body("identical", equalTo(clients.size() <= 1));

    // Audited once: a second draw over the same period does not draw them again.
    admin("POST", AUDITS + "/draws", null, Map.of("periodFrom", today, "periodTo", today))
        .statusCode(201)
        .body("strata.population.flatten()", org.hamcrest.Matchers.not(hasItem(clientApp)));

    String auditId = draw.getString("audits.find { it.applicationId == '" + clientApp + "' }.id");
    String otherAudit =
        draw.getString("audits.find { it.applicationId == '" + employedApp + "' }.id");
    String etag =
        admin("GET", AUDITS + "/" + auditId, null, null).statusCode(200).extract().header("ETag");
    String followed =
        reviewer(AUDITS + "/" + auditId + "/follow-up", etag, Map.of("text", "顧客との契約期間を確認させてください"))
            .statusCode(200)
            .body("followUp", equalTo("顧客との契約期間を確認させてください"))
            .extract()
            .header("ETag");
    reviewer(AUDITS + "/" + auditId + "/outcome", followed, Map.of("outcome", "FALSE_DECLARATION"))
        .statusCode(400)
        .body("violations[0].field", equalTo("comment"));
    reviewer(AUDITS + "/" + auditId + "/outcome", etag, Map.of("outcome", "CONFIRMED"))
        .statusCode(412);

    try (EventLog applications =
            new EventLog(
                KafkaResource.broker().bootstrapServers(), "deemedattendance.application.v1");
        EventLog audits =
            new EventLog(KafkaResource.broker().bootstrapServers(), "deemedattendance.audit.v1")) {
      reviewer(
              AUDITS + "/" + auditId + "/outcome",
              followed,
              Map.of("outcome", "FALSE_DECLARATION", "comment", "契約期間外の業務を記載していた"))
          .statusCode(200)
          .body("outcome", equalTo("FALSE_DECLARATION"))
          .body("decidedBy", equalTo("auditor-1"));

      JsonNode revoked =
          applications.awaitEvent(
              e ->
                  e.path("type").asText().equals("jp.riss.deemedattendance.application-revoked")
                      && clientApp.equals(e.path("data").path("applicationId").asText()),
              Duration.ofSeconds(30));
      assertEquals("FALSE_DECLARATION", revoked.path("data").path("reason").asText());
      assertEquals(client.number(), revoked.path("data").path("registrationNumber").asText());
      JsonNode recommended =
          audits.awaitEvent(
              e -> clientApp.equals(e.path("data").path("applicationId").asText()),
              Duration.ofSeconds(30));
      assertEquals(
          "jp.riss.deemedattendance.revocation-recommended", recommended.path("type").asText());
      assertEquals(auditId, recommended.path("data").path("auditId").asText());
      applications.records().stream()
          .filter(r -> r.value().contains(clientApp))
          .forEach(
              r -> {
                assertEquals(clientApp, r.key());
                assertEquals(
                    Set.of(),
                    EventSchemas.violations("deemedattendance.application.v1", r.value()));
              });
      audits.records().stream()
          .filter(r -> r.value().contains(clientApp))
          .forEach(
              r -> {
                assertEquals(
                    Set.of(), EventSchemas.violations("deemedattendance.audit.v1", r.value()));
                assertFalse(r.value().contains("@example.jp"), "no certifier e-mail");
                assertFalse(r.value().contains("7000012050002"), "no corporate number");
              });
    }

    Journeys.get(client.subject(), APPLICATIONS + "/" + clientApp)
        .statusCode(200)
        .body("status", equalTo("REVOKED"));
    Journeys.get(client.subject(), APPLICATIONS + "/" + clientApp + "/decisions")
        .statusCode(200)
        .body("items.decision", equalTo(List.of("APPROVED", "REVOKED")));
    String decided = admin("GET", AUDITS + "/" + auditId, null, null).extract().header("ETag");
    reviewer(AUDITS + "/" + auditId + "/outcome", decided, Map.of("outcome", "CONFIRMED"))
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "audit-decided"));

    String otherEtag = admin("GET", AUDITS + "/" + otherAudit, null, null).extract().header("ETag");
    reviewer(AUDITS + "/" + otherAudit + "/outcome", otherEtag, Map.of("outcome", "CONFIRMED"))
        .statusCode(200)
        .body("outcome", equalTo("CONFIRMED"));
    Journeys.get(employed.subject(), APPLICATIONS + "/" + employedApp)
        .body("status", equalTo("APPROVED"));
  }

  @Test
  void badDrawsAreNamed() {
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("ipa-admin", "admin-1"))
        .contentType(ContentType.JSON)
        .body(Map.of("periodFrom", "2026-02-01", "periodTo", "2026-01-01", "seed", "x"))
        .post(AUDITS + "/draws")
        .then()
        .statusCode(400)
        .body("violations.field", org.hamcrest.Matchers.hasItems("periodTo", "seed"));
    admin("GET", AUDITS + "/draws/" + UUID.randomUUID(), null, null).statusCode(404);
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("ipa-admin", "admin-1"))
        .get(AUDITS + "/draws/not-a-uuid")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("id"));
  }

  // ---- one fulfilment rule (issue 15 §1): an approval counts until a revocation reopens it ----

  private static JsonNode practical(JsonNode registrationEvent) {
    for (JsonNode r : registrationEvent.path("data").path("cycles").path(0).path("requirements")) {
      if (r.path("kind").asText().equals("practical-course")) {
        return r;
      }
    }
    throw new AssertionError("no practical-course in " + registrationEvent);
  }

  /**
   * An APPROVED application fulfils its requirement in the specialist's cycle view, in the
   * registration event and against a second application; a revocation reopens it.
   */
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
          .body("type", equalTo(PROBLEM + "requirement-done"));

      // A sample audit finds a false declaration: the approval is revoked and the gap is open
      // again.
      String today = RenewalCalendar.today(TestClock.CLOCK).toString();
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
