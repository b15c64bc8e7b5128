package jp.riss.deemedattendance.review;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;
import static jp.riss.deemedattendance.Journeys.APPLICATIONS;
import static jp.riss.deemedattendance.Journeys.REVIEW;
import static jp.riss.deemedattendance.Journeys.decide;
import static jp.riss.deemedattendance.Journeys.reviewEtag;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.riss.deemedattendance.Journeys;
import jp.riss.deemedattendance.Journeys.Specialist;
import jp.riss.deemedattendance.TestClock;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.Test;

/** IPA's review: the queue, decisions with reasons and If-Match, the history, the events. */
@QuarkusTest
class ReviewTest {

  static final String APPLICATION_TOPIC = "deemedattendance.application.v1";
  static final String REMINDER_TOPIC = "deemedattendance.reminder.v1";
  static final String PROBLEM = "https://riss.example/problems/";

  @Inject AgroalDataSource dataSource;

  Specialist specialist(int dueInDays) {
    return Journeys.specialist(dataSource, Journeys.startDue(dueInDays));
  }

  /** Every queue item, following the next links. */
  static List<Map<String, Object>> wholeQueue() {
    List<Map<String, Object>> all = new ArrayList<>();
    String next = REVIEW + "/queue?limit=2";
    while (next != null) {
      JsonPath page =
          given()
              .filter(Contracts.validator())
              .header("Authorization", bearer("ipa-admin", "admin-1"))
              .get(next)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      all.addAll(page.getList("items"));
      next = page.getString("next");
    }
    return all;
  }

  static JsonPath history(String role, String subject, String id) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer(role, subject))
        .get(APPLICATIONS + "/" + id + "/decisions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void theQueueIsOrderedByDueDateAndMarksThoseAtRisk() {
    Specialist late = specialist(200);
    Specialist soon = specialist(10);
    String lateId = Journeys.submitted(late, "EMPLOYER");
    String soonId = Journeys.submitted(soon, "CLIENT");

    List<Map<String, Object>> queue = wholeQueue();
    List<Object> ids = queue.stream().map(i -> i.get("id")).toList();
    assertTrue(ids.indexOf(soonId) >= 0 && ids.indexOf(soonId) < ids.indexOf(lateId), "" + ids);
    for (int i = 1; i < queue.size(); i++) {
      String before = (String) queue.get(i - 1).get("renewalDueOn");
      String after = (String) queue.get(i).get("renewalDueOn");
      assertTrue(before.compareTo(after) <= 0, "ordered by renewal due date: " + queue);
    }
    Map<String, Object> soonItem = queue.get(ids.indexOf(soonId));
    Map<String, Object> lateItem = queue.get(ids.indexOf(lateId));
    assertEquals(true, soonItem.get("atRisk"));
    assertEquals(false, lateItem.get("atRisk"));
    assertEquals("CLIENT_ATTESTED", soonItem.get("stratum"));
    assertEquals("EMPLOYER_ATTESTED", lateItem.get("stratum"));
    assertEquals(soon.number(), soonItem.get("registrationNumber"));

    // A decided application leaves the queue.
    Journeys.approve(soonId);
    assertFalse(wholeQueue().stream().anyMatch(i -> soonId.equals(i.get("id"))));

    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("ipa-reviewer", "r"))
        .get(REVIEW + "/queue?cursor=not-ours")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("cursor"));
  }

  @Test
  void approvalNeedsIfMatchRecordsTheReviewerAndPublishesTheEvent() throws Exception {
    Specialist s = specialist(200);
    String id = Journeys.submitted(s, "EMPLOYER");
    String etag = reviewEtag(id);

    decide(id, null, Map.of("decision", "APPROVED"))
        .statusCode(428)
        .body("type", equalTo(PROBLEM + "precondition-required"));
    decide(id, "\"99\"", Map.of("decision", "APPROVED")).statusCode(412);

    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), APPLICATION_TOPIC)) {
      decide(id, etag, Map.of("decision", "APPROVED", "comment", "要件を満たす"))
          .statusCode(201)
          .body("decision", equalTo("APPROVED"))
          .body("reviewer", equalTo(Journeys.REVIEWER))
          .body("decidedAt", notNullValue())
          .body("comment", equalTo("要件を満たす"));
      // The second reviewer read the same version: their decision is refused.
      decide(id, etag, Map.of("decision", "REJECTED", "reasonCodes", List.of("not-riss-work")))
          .statusCode(412);

      JsonNode event =
          log.awaitEvent(
              e ->
                  e.path("type").asText().equals("jp.riss.deemedattendance.application-approved")
                      && id.equals(e.path("data").path("applicationId").asText()),
              Duration.ofSeconds(30));
      JsonNode data = event.path("data");
      assertEquals(
          Set.of(
              "applicationId",
              "registrationNumber",
              "requirementKind",
              "cycleStart",
              "cycleExpiry",
              "decidedAt",
              "reason"),
          Set.copyOf(iterator(data)));
      assertEquals(s.number(), data.path("registrationNumber").asText());
      assertEquals("practical-course", data.path("requirementKind").asText());
      assertEquals(s.start().toString(), data.path("cycleStart").asText());
      assertEquals(RenewalCalendar.expiry(s.start()).toString(), data.path("cycleExpiry").asText());
      assertTrue(data.path("reason").isNull());
      log.records().stream()
          .filter(r -> r.value().contains(id))
          .forEach(
              r -> {
                assertEquals(id, r.key());
                assertEquals(Set.of(), EventSchemas.violations(APPLICATION_TOPIC, r.value()));
                assertFalse(r.value().contains("@example.jp"), "no certifier e-mail");
                assertFalse(r.value().contains("7000012050002"), "no corporate number");
              });
    }
    Journeys.get(s.subject(), APPLICATIONS + "/" + id)
        .statusCode(200)
        .body("status", equalTo("APPROVED"));
    decide(id, reviewEtag(id), Map.of("decision", "APPROVED"))
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "not-under-review"));
  }

  @Test
  void rejectionNeedsKnownReasonsAndTheHistoryIsTheOwnersAndIpasOnly() {
    Specialist s = specialist(200);
    String id = Journeys.submitted(s, "EMPLOYER");
    String etag = reviewEtag(id);

    decide(id, etag, Map.of("decision", "REJECTED"))
        .statusCode(400)
        .body("violations.field", hasItem("reasonCodes"));
    decide(id, etag, Map.of("decision", "REJECTED", "reasonCodes", List.of("no-such-reason")))
        .statusCode(400)
        .body("violations.field", hasItem("reasonCodes[0]"));
    decide(id, etag, Map.of("decision", "APPROVED", "reasonCodes", List.of("not-riss-work")))
        .statusCode(400)
        .body("violations.field", hasItem("reasonCodes"));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("ipa-reviewer", "r"))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of("decision", "REVOKED"))
        .post(REVIEW + "/applications/" + id + "/decisions")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("decision"));

    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("ipa-reviewer", "r"))
        .get(REVIEW + "/rejection-reasons")
        .then()
        .statusCode(200)
        .body("code", hasItem("below-itss-level-4"));

    decide(
            id,
            etag,
            Map.of(
                "decision",
                "REJECTED",
                "reasonCodes",
                List.of("below-itss-level-4", "insufficient-description"),
                "comment",
                "成果の記載が不足"))
        .statusCode(201)
        .body("reasons.code", contains("below-itss-level-4", "insufficient-description"))
        .body("advice", nullValue());

    JsonPath own = history("specialist", s.subject(), id);
    assertEquals("REJECTED", own.getString("status"));
    assertEquals(1, own.getList("items").size());
    assertEquals("REJECTED", own.getString("items[0].decision"));
    assertEquals("ITSSレベル4相当の業務と認められない", own.getString("items[0].reasons[0].name"));
    assertEquals(null, own.getString("items[0].reviewer"), "the applicant is not told who");
    assertEquals(
        Journeys.REVIEWER, history("ipa-reviewer", "r2", id).getString("items[0].reviewer"));
    assertNotNull(history("ipa-admin", "a", id).getString("items[0].decidedAt"));

    // Someone else's application: exactly like one that does not exist.
    String stranger = Journeys.specialist(dataSource, Journeys.startDue(300)).subject();
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", stranger))
        .get(APPLICATIONS + "/" + id + "/decisions")
        .then()
        .statusCode(404);
  }

  @Test
  void moreInformationSendsItBackForAmendmentAndResubmission() {
    Specialist s = specialist(200);
    String id = Journeys.submitted(s, "EMPLOYER");
    decide(id, reviewEtag(id), Map.of("decision", "MORE_INFORMATION_REQUESTED"))
        .statusCode(400)
        .body("violations.field", hasItem("message"));
    decide(
            id,
            reviewEtag(id),
            Map.of("decision", "MORE_INFORMATION_REQUESTED", "message", "成果を具体的に記載してください"))
        .statusCode(201)
        .body("message", equalTo("成果を具体的に記載してください"));
    assertFalse(wholeQueue().stream().anyMatch(i -> id.equals(i.get("id"))));

    JsonPath app = Journeys.get(s.subject(), APPLICATIONS + "/" + id).extract().jsonPath();
    assertEquals("MORE_INFORMATION_REQUESTED", app.getString("status"));
    String entryId = app.getString("entries[0].id");
    String entryPath = APPLICATIONS + "/" + id + "/entries/" + entryId;
    String entryEtag = Journeys.get(s.subject(), entryPath).extract().header("ETag");
    String email = Journeys.freshEmail();
    Map<String, Object> amended = Journeys.entry(email, "EMPLOYER");
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", s.subject()))
        .header("If-Match", entryEtag)
        .contentType(ContentType.JSON)
        .body(amended)
        .put(entryPath)
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"))
        .body("attestedByName", nullValue());
    // Amended, it needs a new attestation before it can go back.
    Journeys.submit(s.subject(), id)
        .statusCode(422)
        .body("type", equalTo(PROBLEM + "entry-not-attested"));
    Journeys.attest(s.subject(), id, entryId, email);
    Journeys.submit(s.subject(), id).statusCode(200).body("status", equalTo("SUBMITTED"));
    assertTrue(wholeQueue().stream().anyMatch(i -> id.equals(i.get("id"))));
    assertEquals(
        List.of("MORE_INFORMATION_REQUESTED"),
        history("specialist", s.subject(), id).getList("items.decision"));
  }

  @Test
  void aDecisionAfterTheRenewalDueDateIsRefused() {
    Specialist s = specialist(200);
    String id = Journeys.submitted(s, "EMPLOYER");
    Journeys.execute(
        dataSource,
        "UPDATE cycle SET renewal_due_on = ? WHERE registration_number = ?",
        RenewalCalendar.today(TestClock.CLOCK).minusDays(1),
        s.number());
    decide(id, reviewEtag(id), Map.of("decision", "APPROVED"))
        .statusCode(422)
        .body("type", equalTo(PROBLEM + "decision-after-due-date"))
        .body("violations[0].field", equalTo("renewalDueOn"));
    assertEquals(List.of(), history("ipa-reviewer", "r", id).getList("items"));
  }

  @Test
  void aRejectionTooCloseToTheDueDateAdvisesTheCourse() throws Exception {
    Specialist s = specialist(30);
    String id = Journeys.submitted(s, "EMPLOYER");
    try (EventLog log = new EventLog(KafkaResource.broker().bootstrapServers(), REMINDER_TOPIC)) {
      decide(
              id,
              reviewEtag(id),
              Map.of("decision", "REJECTED", "reasonCodes", List.of("not-coherent-block")))
          .statusCode(201)
          .body("advice", equalTo("TAKE_COURSE"));
      JsonNode event =
          log.awaitEvent(
              e -> id.equals(e.path("data").path("applicationId").asText()),
              Duration.ofSeconds(30));
      assertEquals("APPLICATION_REJECTED", event.path("data").path("trigger").asText());
      assertEquals("TAKE_COURSE", event.path("data").path("advice").asText());
      assertEquals(s.number(), event.path("data").path("registrationNumber").asText());
      log.records().stream()
          .filter(r -> r.value().contains(id))
          .forEach(r -> assertEquals(Set.of(), EventSchemas.violations(REMINDER_TOPIC, r.value())));
    }
    assertEquals(
        "TAKE_COURSE", history("specialist", s.subject(), id).getString("items[0].advice"));
  }

  @Test
  void theReviewViewShowsEntriesWithoutCertifierEmailsAndDraftsAreNotIpas() {
    Specialist s = specialist(200);
    String id = Journeys.submitted(s, "CLIENT");
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("ipa-reviewer", "r"))
        .get(REVIEW + "/applications/" + id)
        .then()
        .statusCode(200)
        .body("application.entries", hasSize(1))
        .body("application.entries[0].corporateNumber", equalTo("7000012050002"))
        .body("application.entries[0].certifierRelation", equalTo("CLIENT"))
        .body("stratum", equalTo("CLIENT_ATTESTED"))
        .body("atRisk", equalTo(false))
        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("certifier-")));
    String draft =
        Journeys.draft(Journeys.specialist(dataSource, Journeys.startDue(300)).subject());
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("ipa-reviewer", "r"))
        .get(REVIEW + "/applications/" + draft)
        .then()
        .statusCode(404);
  }

  private static List<String> iterator(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
