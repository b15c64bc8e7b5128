package jp.riss.guide.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The editors' workflow: a draft copied from the β, edited element by element with If-Match, a case
 * added, reviewed, approved, published; the diff, the edit log and {@code guide.version.v1}.
 */
@QuarkusTest
class GuideEditingTest {

  private static final String VERSIONS = "/api/v1/guide/versions";
  private static final String EDITOR = "editor-" + UUID.randomUUID();
  private static final String REVIEWER = "reviewer-" + UUID.randomUUID();

  private static RequestSpecification as(String role, String subject) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of(role, subject));
  }

  private static RequestSpecification admin() {
    return as("ipa-admin", EDITOR);
  }

  private static RequestSpecification reviewer() {
    return as("ipa-reviewer", REVIEWER);
  }

  private static String newDraft() {
    String code = "edit-" + UUID.randomUUID().toString().substring(0, 8);
    admin()
        .contentType(ContentType.JSON)
        .body(Map.of("code", code, "basedOn", "beta-2025-05"))
        .post(VERSIONS)
        .then()
        .statusCode(201)
        .header("Location", containsString(VERSIONS + "/" + code))
        .body("state", equalTo("draft"))
        .body("basedOn", equalTo("beta-2025-05"))
        .body("current", equalTo(false));
    return code;
  }

  private static String etag(RequestSpecification who, String path) {
    return who.get(path).then().statusCode(200).extract().header("ETag");
  }

  @Test
  void draftEditReviewPublishDiffAndEvent() {
    String code = newDraft();
    String draft = VERSIONS + "/" + code;
    // Drafts are the editors' own: to the public they do not exist.
    given().filter(Contracts.validator()).get(draft + "/steps").then().statusCode(404);
    reviewer().get(draft + "/steps/1").then().statusCode(200).body("name", equalTo("取組の開始"));

    String element = draft + "/elements/step1.measure.systems";
    assertEquals("\"1\"", etag(admin(), element));
    String changedText = "共有フォルダやクラウドの共有設定を、必要な人だけが見られるように見直します。";
    admin()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(Map.of("ja", Map.of("title", "使っているシステムの対策", "text", changedText)))
        .patch(element)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("text", equalTo(changedText))
        .body("revision", equalTo(2));

    // A case (none in the β) without English: served in Japanese, and said so.
    admin()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "key",
                "case.manufacturing-small-1",
                "kind",
                "case",
                "step",
                1,
                "attrs",
                Map.of("jsicDivision", "E", "sizeBand", "small"),
                "ja",
                Map.of("title", "部品加工業の例", "text", "兼務の担当者を一人決め、5か条から始めた例です。")))
        .post(draft + "/elements")
        .then()
        .statusCode(201)
        .body("enState", equalTo("missing"));
    admin()
        .queryParam("lang", "en")
        .get(draft + "/elements/case.manufacturing-small-1")
        .then()
        .statusCode(200)
        .header("Content-Language", "ja")
        .body("lang", equalTo("ja"))
        .body("title", equalTo("部品加工業の例"));
    admin()
        .queryParam("lang", "en")
        .get(draft + "/elements/step1.measure.systems")
        .then()
        .statusCode(200)
        .header("Content-Language", "en")
        .body("lang", equalTo("en"));

    // What changed against the β, element by element.
    reviewer()
        .queryParam("from", "beta-2025-05")
        .get(draft + "/diff")
        .then()
        .statusCode(200)
        .body("added", equalTo(1))
        .body("changed", equalTo(1))
        .body("removed", equalTo(0))
        .body(
            "items.find { it.key == 'step1.measure.systems' }.fields", equalTo(List.of("ja.text")))
        .body("items.find { it.key == 'case.manufacturing-small-1' }.change", equalTo("added"));

    // draft → review → approved → published
    admin()
        .header("If-Match", etag(admin(), draft))
        .post(draft + "/submit")
        .then()
        .statusCode(200)
        .body("state", equalTo("review"));
    admin()
        .header("If-Match", etag(admin(), draft))
        .post(draft + "/approve")
        .then()
        .statusCode(403);
    admin()
        .header("If-Match", etag(admin(), draft))
        .post(draft + "/publish")
        .then()
        .statusCode(409)
        .body("type", containsString("version-state"));
    reviewer()
        .header("If-Match", etag(reviewer(), draft))
        .post(draft + "/approve")
        .then()
        .statusCode(200)
        .body("state", equalTo("review"))
        .body("approvedAt", org.hamcrest.Matchers.notNullValue());
    String previous =
        given().get(VERSIONS + "/current").then().statusCode(200).extract().path("code");
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), "guide.version.v1")) {
      admin()
          .header("If-Match", etag(admin(), draft))
          .post(draft + "/publish")
          .then()
          .statusCode(200)
          .body("state", equalTo("published"))
          .body("current", equalTo(true));
      JsonNode event =
          log.awaitEvent(e -> code.equals(e.path("subject").asText()), Duration.ofSeconds(30));
      assertEquals("jp.riss.guide.version-published", event.path("type").asText());
      assertEquals(previous, event.path("data").path("previousVersion").asText());
      assertEquals(1, event.path("data").path("changes").path("added").asInt());
      assertEquals(1, event.path("data").path("changes").path("changed").asInt());
      log.records().stream()
          .filter(r -> code.equals(r.key()))
          .forEach(
              r -> assertEquals(Set.of(), EventSchemas.violations("guide.version.v1", r.value())));
    }
    // Now current and public; the previous one retired and still readable.
    given()
        .filter(Contracts.validator())
        .get(VERSIONS + "/current")
        .then()
        .statusCode(200)
        .body("code", equalTo(code));
    given()
        .filter(Contracts.validator())
        .get(VERSIONS + "/" + previous)
        .then()
        .statusCode(200)
        .body("state", equalTo("retired"))
        .body("current", equalTo(false));
    given()
        .filter(Contracts.validator())
        .get(VERSIONS + "/" + previous + "/steps/1")
        .then()
        .statusCode(200);
    given()
        .filter(Contracts.validator())
        .get("/api/v1/guide/cases")
        .then()
        .statusCode(200)
        .body("items.key", equalTo(List.of("case.manufacturing-small-1")))
        .body("items.attrs.jsicDivision", equalTo(List.of("E")));

    // Who did what, and when.
    JsonPath edits = reviewer().get(draft + "/edits").then().statusCode(200).extract().jsonPath();
    assertEquals(
        List.of("created", "changed", "added", "submitted", "approved", "published"),
        edits.getList("items.action"));
    assertEquals(EDITOR, edits.getString("items.find { it.action == 'changed' }.editedBy"));
    assertEquals(List.of("ja.text"), edits.getList("items.find { it.action == 'changed' }.fields"));
    assertEquals(REVIEWER, edits.getString("items.find { it.action == 'approved' }.editedBy"));
    assertNotNull(edits.getString("items[0].at"));

    // A published version never changes.
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", EDITOR))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"2\"")
        .body(Map.of("order", 3))
        .patch(element)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("state", equalTo("published"));
  }

  @Test
  void editsNeedTheCurrentETagAndValidFields() {
    String code = newDraft();
    String element = VERSIONS + "/" + code + "/elements/step3.measure.budget";
    jp.riss.guide.organisation.Orgs.asRaw("ipa-admin", EDITOR)
        .contentType(ContentType.JSON)
        .body(Map.of("order", 5))
        .patch(element)
        .then()
        .statusCode(428)
        .body("violations.field", hasItem("If-Match"));
    admin()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"9\"")
        .body(Map.of("order", 5))
        .patch(element)
        .then()
        .statusCode(412)
        .body("currentETag", equalTo("\"1\""));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", EDITOR))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(
            Map.of(
                "ja", Map.of("text", "あ".repeat(4001)),
                "en", Map.of("state", "perfect", "text", "x"),
                "attrs", Map.of("side", "internal")))
        .patch(element)
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("ja.text", "en.state", "attrs.side"));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", EDITOR))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "key",
                "step9.measure.x",
                "kind",
                "task",
                "step",
                9,
                "ja",
                Map.of("text", " "),
                "attrs",
                Map.of("resources", List.of(34, 5000))))
        .post(VERSIONS + "/" + code + "/elements")
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("step", "ja.text", "attrs.side", "attrs.resources"));
    // A control character is refused where the body is read (the platform's JSON reader), naming
    // its path, before any other check.
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", EDITOR))
        .contentType(ContentType.JSON)
        .body(Map.of("key", "step1.measure.x", "kind", "measure", "ja", Map.of("text", "a\u0000b")))
        .post(VERSIONS + "/" + code + "/elements")
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("ja.text"));
    // An element the draft already has is a conflict, not a second copy.
    admin()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "key",
                "step3.measure.budget",
                "kind",
                "measure",
                "step",
                3,
                "ja",
                Map.of("text", "予算")))
        .post(VERSIONS + "/" + code + "/elements")
        .then()
        .statusCode(409);
    // Removing: children first.
    admin()
        .header("If-Match", "\"1\"")
        .delete(VERSIONS + "/" + code + "/elements/step3.measure.rules")
        .then()
        .statusCode(409)
        .body("type", containsString("element-has-children"));
    admin()
        .header("If-Match", "\"1\"")
        .delete(VERSIONS + "/" + code + "/elements/step3.measure.rules.incidents")
        .then()
        .statusCode(204);
    reviewer()
        .queryParam("from", "beta-2025-05")
        .get(VERSIONS + "/" + code + "/diff")
        .then()
        .statusCode(200)
        .body("removed", equalTo(1))
        .body("items[0].key", equalTo("step3.measure.rules.incidents"));
    // The β itself is published: no edits.
    admin()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(Map.of("order", 5))
        .patch(VERSIONS + "/beta-2025-05/elements/step3.measure.budget")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(409));
  }

  @Test
  void versionsAreCreatedOnceAndOnlyByEditors() {
    String code = "idem-" + UUID.randomUUID().toString().substring(0, 8);
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Map.of("code", code, "basedOn", "beta-2025-05");
    admin()
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .post(VERSIONS)
        .then()
        .statusCode(201);
    admin()
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .post(VERSIONS)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true");
    admin().contentType(ContentType.JSON).body(body).post(VERSIONS).then().statusCode(409);
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", EDITOR))
        .contentType(ContentType.JSON)
        .body(Map.of("code", "current", "basedOn", "nothing-here", "titleJa", ""))
        .post(VERSIONS)
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("code", "titleJa"));
    given()
        .filter(Contracts.responseValidator())
        .contentType(ContentType.JSON)
        .body(body)
        .post(VERSIONS)
        .then()
        .statusCode(401);
    for (String role : List.of("company", "support-body", "specialist", "ipa-reviewer")) {
      given()
          .filter(Contracts.responseValidator())
          .header("Authorization", "Bearer " + Tokens.of(role, "someone"))
          .contentType(ContentType.JSON)
          .body(Map.of("code", "x-" + role))
          .post(VERSIONS)
          .then()
          .statusCode(403);
    }
    as("company", "someone").get(VERSIONS + "/" + code + "/edits").then().statusCode(403);
    // Drafts are not listed to the public.
    List<String> publicCodes =
        given().get(VERSIONS).then().statusCode(200).extract().jsonPath().getList("items.code");
    assertTrue(!publicCodes.contains(code));
    assertTrue(
        reviewer().get(VERSIONS).then().extract().jsonPath().getList("items.code").contains(code));
  }
}
