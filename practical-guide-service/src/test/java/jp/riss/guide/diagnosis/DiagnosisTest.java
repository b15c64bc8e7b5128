package jp.riss.guide.diagnosis;

import static jp.riss.guide.organisation.Orgs.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.guide.organisation.Orgs;
import org.junit.jupiter.api.Test;

/** Diagnoses: checked all at once, scored (rule 1), placed (rule 2), kept, compared. */
@QuarkusTest
class DiagnosisTest {

  private static final String DIAGNOSES = "/api/v1/guide/diagnoses/";

  @Inject EntityManager em;

  private static String company() {
    return "co-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void everyFaultInTheAnswersIsNamedInOneProblem() {
    String company = company();
    String org = Orgs.create(company, 1, 0);
    Answers answers =
        Answers.all("yes")
            .with("maybe", "b02")
            .with("not-applicable", "b03", "e10")
            .with("yes", "zz99")
            .facts("usesWireless", "sunshine", "usesWireless");
    Map<String, Object> body = new java.util.HashMap<>(answers.body());
    @SuppressWarnings("unchecked")
    Map<String, String> a =
        new java.util.LinkedHashMap<>((Map<String, String>) body.get("answers"));
    a.remove("b01");
    body.put("answers", a);
    Orgs.asRaw("company", company)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/guide/organisations/" + org + "/diagnoses")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "violations.field",
            containsInAnyOrder(
                "answers.zz99",
                "answers.b01",
                "answers.b02",
                "answers.b03",
                "answers.e10",
                "facts[1]",
                "facts[2]"));
    Map<String, Object> unknownVersion = new java.util.HashMap<>(Answers.all("yes").body());
    unknownVersion.put("instrumentVersion", "1999-1");
    Orgs.asRaw("company", company)
        .contentType(ContentType.JSON)
        .body(unknownVersion)
        .post("/api/v1/guide/organisations/" + org + "/diagnoses")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("instrumentVersion")));
    // Nothing was stored.
    as("company", company)
        .get("/api/v1/guide/organisations/" + org + "/diagnoses")
        .then()
        .statusCode(200)
        .body("items", equalTo(List.of()));
  }

  @Test
  void everythingInPlaceScoresFullAndReachesStepFour() {
    String company = company();
    JsonPath d = Answers.all("yes").submit(company, Orgs.create(company, 2, 1));
    assertEquals(100, d.getInt("score.raw"));
    assertEquals(100, d.getInt("score.max"));
    assertEquals(100, d.getInt("score.percent"));
    assertEquals("keep", d.getString("band"));
    assertEquals(4, d.getInt("placedStep"));
    assertEquals(List.of(), d.getList("gaps"));
    assertEquals(List.of(), d.getList("unmet"));
    assertEquals("company", d.getString("respondent.role"));
    assertEquals(company, d.getString("respondent.subject"));
  }

  @Test
  void allDontKnowScoresBelowZeroAndEveryItemBecomesAFindOutGap() {
    String company = company();
    JsonPath d = Answers.all("unknown").submit(company, Orgs.create(company, 2, 1));
    assertEquals(-25, d.getInt("score.raw"));
    assertEquals(100, d.getInt("score.max"));
    assertEquals(-25, d.getInt("score.percent"));
    assertEquals("start", d.getString("band"));
    assertEquals(1, d.getInt("placedStep"));
    assertEquals(25, d.getList("gaps").size());
    assertEquals(List.of("find-out"), d.getList("gaps.severity").stream().distinct().toList());
  }

  @Test
  void notApplicableItemsLeaveTheMaximum() {
    String company = company();
    JsonPath d =
        Answers.all("yes")
            .with("not-applicable", "e10", "e11", "o06")
            .facts()
            .submit(company, Orgs.create(company, 2, 1));
    assertEquals(88, d.getInt("score.raw"));
    assertEquals(88, d.getInt("score.max"));
    assertEquals(100, d.getInt("score.percent"));
    assertEquals(4, d.getInt("placedStep"));
    // Partly and not in place: 2 of 4 and 0 of 4 on two of the 22 applicable items.
    JsonPath mixed =
        Answers.all("yes")
            .with("not-applicable", "e10", "e11", "o06")
            .with("partly", "e01")
            .with("no", "e02")
            .facts()
            .submit(company, Orgs.create(company, 2, 1));
    assertEquals(82, mixed.getInt("score.raw"));
    assertEquals(93, mixed.getInt("score.percent"));
    assertEquals(List.of("medium", "high"), mixed.getList("gaps.severity"));
  }

  @Test
  void placementIsTheLowestStepWithAnUnmetExitAtEveryBoundary() {
    String c = company();
    // Step 1: a basic measure missing, or nobody named for security.
    JsonPath one = Answers.all("yes").with("partly", "b04").submit(c, Orgs.create(c, 2, 1));
    assertEquals(1, one.getInt("placedStep"));
    assertEquals("b04", one.getString("unmet[0].itemId"));
    JsonPath nobody = Answers.all("yes").submit(c, Orgs.create(c, 0, 0));
    assertEquals(1, nobody.getInt("placedStep"));
    assertEquals("security-people", nobody.getString("unmet[0].criterion"));
    // Step 2: basics done with one person; two are needed to leave Step 2.
    JsonPath two = Answers.all("yes").submit(c, Orgs.create(c, 1, 0));
    assertEquals(2, two.getInt("placedStep"));
    assertEquals(List.of("security-people"), two.getList("unmet.criterion"));
    JsonPath twoPolicy = Answers.all("yes").with("no", "o01").submit(c, Orgs.create(c, 3, 0));
    assertEquals(2, twoPolicy.getInt("placedStep"));
    // Step 3: Step 2's exit met, but no dedicated person (and the budget missing).
    JsonPath three = Answers.all("yes").with("no", "o04").submit(c, Orgs.create(c, 2, 0));
    assertEquals(3, three.getInt("placedStep"));
    assertEquals(List.of("item-in-place", "dedicated-people"), three.getList("unmet.criterion"));
    // Step 4: everything met. A dedicated person counts as a named security person too.
    assertEquals(4, Answers.all("yes").submit(c, Orgs.create(c, 0, 2)).getInt("placedStep"));
    // No Step is skipped: Step 3's items in place do not help while Step 1's are not.
    assertEquals(
        1,
        Answers.all("yes").with("no", "b01").submit(c, Orgs.create(c, 5, 5)).getInt("placedStep"));
  }

  @Test
  void aMoveDownIsFlaggedAndTheComparisonShowsItemsAndSteps() {
    String c = company();
    String org = Orgs.create(c, 2, 0);
    JsonPath first = Answers.all("yes").with("no", "o04").submit(c, org);
    as("company", c)
        .get(DIAGNOSES + first.getString("id") + "/comparison")
        .then()
        .statusCode(200)
        .body("basis", equalTo("first-diagnosis"));
    JsonPath second = Answers.all("yes").with("no", "b01", "o04").submit(c, org);
    assertEquals(1, second.getInt("placedStep"));
    assertTrue(second.getBoolean("movedDown"));
    assertEquals(first.getString("id"), second.getString("previousDiagnosisId"));
    JsonPath cmp =
        as("company", c)
            .get(DIAGNOSES + second.getString("id") + "/comparison")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("same-version", cmp.getString("basis"));
    assertEquals(3, cmp.getInt("placedStepBefore"));
    assertEquals(1, cmp.getInt("placedStepAfter"));
    assertTrue(cmp.getBoolean("movedDown"));
    assertEquals("worse", cmp.getString("items.find { it.itemId == 'b01' }.change"));
    assertEquals("same", cmp.getString("items.find { it.itemId == 'o04' }.change"));
    assertEquals(100, cmp.getInt("steps[0].percentBefore"));
    assertEquals(80, cmp.getInt("steps[0].percentAfter"));
    assertNull(cmp.get("steps[3].percentBefore"));
    JsonPath history =
        as("company", c)
            .get("/api/v1/guide/organisations/" + org + "/diagnoses")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(3, 1), history.getList("items.placedStep"));
    assertEquals(List.of(false, true), history.getList("items.movedDown"));
    // One a page: the history reads the same by following next.
    JsonPath page =
        as("company", c)
            .get("/api/v1/guide/organisations/" + org + "/diagnoses?limit=1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(first.getString("id")), page.getList("items.id"));
    JsonPath rest =
        as("company", c).get(page.getString("next")).then().statusCode(200).extract().jsonPath();
    assertEquals(List.of(second.getString("id")), rest.getList("items.id"));
    assertNull(rest.get("next"));
  }

  @Test
  void gapsCarryThemesAndTheirClosers() {
    String c = company();
    String org = Orgs.create(c, 1, 0);
    JsonPath d = Answers.all("yes").with("no", "b01").with("unknown", "o03").submit(c, org);
    JsonPath gaps =
        as("company", c)
            .get(DIAGNOSES + d.getString("id") + "/gaps")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of("os-updates", "roles-and-contacts"), gaps.getList("items.gapCode"));
    assertEquals(List.of(1, 3), gaps.getList("items.step"));
    Map<String, Object> updates = gaps.getMap("items[0]");
    assertEquals(List.of(2), updates.get("themeCodes"));
    assertEquals(false, updates.get("inHouseOnly"));
    String more = gaps.getString("items[0].closers.more");
    assertTrue(
        more.startsWith("/api/v1/guide/closers?gap=os-updates&step=1&prefecture=13&seed="), more);
    // The seed is the diagnosis's own: the same on every read.
    assertEquals(
        more,
        as("company", c)
            .get(DIAGNOSES + d.getString("id") + "/gaps")
            .then()
            .extract()
            .path("items[0].closers.more"));
    assertTrue(
        gaps.getList("items[0].closers.kinds.find { it.kind == 'internal-task' }.items.key")
            .contains("step1.task.internal.updates"));
    assertEquals(
        List.of("step1.measure.devices.updates"), gaps.getList("items[0].closers.measures.key"));
    assertEquals(
        List.of("step1.people.exam.ip"),
        gaps.getList("items[0].closers.kinds.find { it.kind == 'exam' }.items.key"));
    assertTrue(
        gaps.getList("items[0].closers.kinds.find { it.kind == 'learning-content' }.items.key")
            .contains("step1.people.learning.ipa-videos"));
    // Roles and budget are the company's own to settle: outsiders only advise.
    assertEquals(true, gaps.getBoolean("items[1].inHouseOnly"));
    assertEquals("advisers-only", gaps.getString("items[1].closers.outsiders"));
    assertEquals("find-out", gaps.getString("items[1].severity"));
    assertEquals(
        List.of("step3.people.exam.au"),
        gaps.getList("items[1].closers.kinds.find { it.kind == 'exam' }.items.key"));
  }

  @Test
  void aSupportBodyDiagnosesOnlyWhileConsentStandsAndOthersSeeNothing() {
    String c = company();
    String body = "body-" + UUID.randomUUID().toString().substring(0, 8);
    String org = Orgs.create(c, 1, 0);
    Orgs.asRaw("support-body", body)
        .contentType(ContentType.JSON)
        .body(Answers.all("yes").body())
        .post("/api/v1/guide/organisations/" + org + "/diagnoses")
        .then()
        .statusCode(404);
    Orgs.grant(c, org, body);
    JsonPath d = Answers.all("yes").submit("support-body", body, org);
    assertEquals("support-body", d.getString("respondent.role"));
    assertEquals(body, d.getString("respondent.subject"));
    String id = d.getString("id");
    as("support-body", body).get(DIAGNOSES + id).then().statusCode(200);
    // Consent revoked mid-way: the next read and the next submission find nothing.
    as("company", c)
        .delete("/api/v1/guide/organisations/" + org + "/consents/" + body)
        .then()
        .statusCode(204);
    as("support-body", body).get(DIAGNOSES + id).then().statusCode(404);
    as("support-body", body).get(DIAGNOSES + id + "/gaps").then().statusCode(404);
    Orgs.asRaw("support-body", body)
        .contentType(ContentType.JSON)
        .body(Answers.all("yes").body())
        .post("/api/v1/guide/organisations/" + org + "/diagnoses")
        .then()
        .statusCode(404);
    as("company", company()).get(DIAGNOSES + id).then().statusCode(404);
    as("company", company()).get(DIAGNOSES + id + "/comparison").then().statusCode(404);
    // The owner still has it, and the acts say who diagnosed.
    as("company", c).get(DIAGNOSES + id).then().statusCode(200);
    JsonPath acts =
        as("company", c)
            .get("/api/v1/guide/organisations/" + org + "/acts")
            .then()
            .extract()
            .jsonPath();
    assertEquals(
        List.of("support-body"),
        acts.getList("items.findAll { it.action == 'diagnosis-completed' }.actorRole"));
    Orgs.asRaw("company", c).get(DIAGNOSES + "nope").then().statusCode(400);
  }

  @Test
  void aCompletedDiagnosisIsNeverChanged() {
    String c = company();
    String id = Answers.all("yes").submit(c, Orgs.create(c, 1, 0)).getString("id");
    assertThrows(
        Exception.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        em.createNativeQuery("UPDATE diagnosis SET placed_step = 4 WHERE id = ?1")
                            .setParameter(1, UUID.fromString(id))
                            .executeUpdate()));
    assertEquals(
        2, as("company", c).get(DIAGNOSES + id).then().extract().jsonPath().getInt("placedStep"));
    assertFalse(id.isEmpty());
  }

  @Test
  void aRetriedSubmissionWithTheSameKeyIsOneDiagnosis() {
    String c = company();
    String org = Orgs.create(c, 1, 0);
    String key = UUID.randomUUID().toString();
    String first =
        as("company", c)
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", key)
            .body(Answers.all("yes").body())
            .post("/api/v1/guide/organisations/" + org + "/diagnoses")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String again =
        as("company", c)
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", key)
            .body(Answers.all("yes").body())
            .post("/api/v1/guide/organisations/" + org + "/diagnoses")
            .then()
            .statusCode(201)
            .header("Idempotent-Replayed", "true")
            .extract()
            .path("id");
    assertEquals(first, again);
    assertEquals(
        1,
        as("company", c)
            .get("/api/v1/guide/organisations/" + org + "/diagnoses")
            .then()
            .extract()
            .jsonPath()
            .getList("items")
            .size());
  }
}
