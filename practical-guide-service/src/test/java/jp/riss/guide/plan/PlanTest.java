package jp.riss.guide.plan;

import static jp.riss.guide.organisation.Orgs.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.guide.diagnosis.Answers;
import jp.riss.guide.organisation.Orgs;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.Test;

/** The PDCA cycle: plan chosen gaps, do the actions, see what is overdue, diagnose again. */
@QuarkusTest
class PlanTest {

  private static final String ORGS = "/api/v1/guide/organisations/";

  private static String company() {
    return "co-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonPath plan(String company, String org, Map<String, Object> body) {
    return as("company", company)
        .contentType(ContentType.JSON)
        .body(body)
        .post(ORGS + org + "/action-plans")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  @Test
  void aPlanOnChosenGapsIsDoneActionByActionAndTheHistoryShowsTheCycle() {
    String c = company();
    String org = Orgs.create(c, 1, 0);
    String first = Answers.all("yes").with("no", "o01", "o02").submit(c, org).getString("id");
    JsonPath plan =
        plan(
            c,
            org,
            Map.of(
                "diagnosisId", first,
                "gaps", List.of("basic-policy", "self-assessment"),
                "actions",
                    List.of(
                        Map.of(
                            "description", "基本方針の案を作り、社長の承認を得る",
                            "gapCode", "basic-policy",
                            "owner", "総務部",
                            "dueOn", "2020-01-31"),
                        Map.of(
                            "description", "自己点検を実施する",
                            "owner", "情報システム担当",
                            "dueOn", "2999-12-31"))));
    assertEquals("company", plan.getString("createdRole"));
    String planId = plan.getString("id");
    String overdueAction = plan.getString("actions[0].id");
    String laterAction = plan.getString("actions[1].id");

    JsonPath overdue =
        as("company", c)
            .get(ORGS + org + "/action-plans/overdue")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(overdueAction), overdue.getList("items.id"));

    Orgs.asRaw("company", c)
        .contentType(ContentType.JSON)
        .body(Map.of("doneOn", "2999-01-01"))
        .post("/api/v1/guide/action-plans/" + planId + "/actions/" + overdueAction + "/done")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("doneOn")));
    as("company", c)
        .contentType(ContentType.JSON)
        .body(Map.of("doneOn", "2020-02-03"))
        .post("/api/v1/guide/action-plans/" + planId + "/actions/" + overdueAction + "/done")
        .then()
        .statusCode(200)
        .body("actions[0].doneOn", equalTo("2020-02-03"))
        .body("actions[0].doneBy", equalTo(c));
    as("company", c)
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post("/api/v1/guide/action-plans/" + planId + "/actions/" + overdueAction + "/done")
        .then()
        .statusCode(409);
    as("company", c)
        .get(ORGS + org + "/action-plans/overdue")
        .then()
        .statusCode(200)
        .body("items", equalTo(List.of()));

    String second = Answers.all("yes").submit(c, org).getString("id");
    JsonPath history =
        as("company", c).get(ORGS + org + "/history").then().statusCode(200).extract().jsonPath();
    assertEquals(List.of(first, second), history.getList("diagnoses.id"));
    assertEquals(List.of("first", "same"), history.getList("steps.move"));
    assertEquals(List.of(planId), history.getList("plans.id"));
    assertEquals(List.of(overdueAction), history.getList("done.id"));
    assertTrue(!history.getList("plans[0].actions.id").isEmpty());
    assertEquals(laterAction, history.getString("plans[0].actions[1].id"));
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    assertEquals(today.plusMonths(12).toString(), history.getString("rediagnosisDueOn"));

    // Strangers find nothing.
    as("company", company()).get("/api/v1/guide/action-plans/" + planId).then().statusCode(404);
    as("company", company()).get(ORGS + org + "/history").then().statusCode(404);
    as("support-body", "nobody").get(ORGS + org + "/action-plans").then().statusCode(404);
  }

  @Test
  void everyFaultOfAPlanIsNamedAtOnce() {
    String c = company();
    String org = Orgs.create(c, 1, 0);
    String d = Answers.all("yes").with("no", "o01").submit(c, org).getString("id");
    Orgs.asRaw("company", c)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "diagnosisId", d,
                "gaps", List.of("basic-policy", "budget", "basic-policy"),
                "actions",
                    List.of(
                        Map.of("description", " ", "owner", "x".repeat(101), "dueOn", "tomorrow"),
                        Map.of(
                            "description",
                            "ok",
                            "owner",
                            "ok",
                            "dueOn",
                            "2026-01-01",
                            "gapCode",
                            "wifi"))))
        .post(ORGS + org + "/action-plans")
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            containsInAnyOrder(
                "gaps[1]",
                "gaps[2]",
                "actions[0].description",
                "actions[0].owner",
                "actions[0].dueOn",
                "actions[1].gapCode"));
    String otherOrg = Orgs.create(c, 1, 0);
    Orgs.asRaw("company", c)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "diagnosisId", d,
                "gaps", List.of("basic-policy"),
                "actions",
                    List.of(Map.of("description", "a", "owner", "b", "dueOn", "2026-01-01"))))
        .post(ORGS + otherOrg + "/action-plans")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("diagnosisId"));
  }

  @Test
  void reDiagnosisIsProposedOnceWhenTheLatestDiagnosisIsTwelveMonthsOld() {
    String c = company();
    String org = Orgs.create(c, 1, 0);
    String d = Answers.all("yes").submit(c, org).getString("id");
    LocalDate due = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusMonths(12);
    String run = "/api/v1/guide/rediagnosis-reminders/run?today=";
    assertEquals(
        List.of(),
        as("ipa-admin", "admin")
            .post(run + due.minusDays(1))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("sent.findAll { it.organisationId == '" + org + "' }"));
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), "guide.rediagnosis.v1")) {
      JsonPath sent =
          as("ipa-admin", "admin").post(run + due).then().statusCode(200).extract().jsonPath();
      Map<String, Object> ours = sent.getMap("sent.find { it.organisationId == '" + org + "' }");
      assertEquals(d, ours.get("lastDiagnosisId"));
      assertEquals(due.toString(), ours.get("dueOn"));
      JsonNode event =
          log.awaitEvent(e -> org.equals(e.path("subject").asText()), Duration.ofSeconds(20));
      assertEquals(2, event.get("data").get("lastPlacedStep").asInt());
      log.records().stream()
          .filter(r -> org.equals(r.key()))
          .forEach(
              r ->
                  assertEquals(
                      Set.of(), EventSchemas.violations("guide.rediagnosis.v1", r.value())));
    }
    assertNull(
        as("ipa-admin", "admin")
            .post(run + due.plusDays(3))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .get("sent.find { it.organisationId == '" + org + "' }"));
    as("company", c).post(run + due).then().statusCode(403);
    Orgs.asRaw("ipa-admin", "admin")
        .post(run + "someday")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("today")));
  }
}
