package jp.riss.activelist.engagement;

import static io.restassured.RestAssured.given;
import static jp.riss.activelist.inquiry.Matching.bearer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.riss.activelist.inquiry.Matching;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.Test;

/**
 * On-site guidance (訪問指導): three visits each with a goal; completion is the listing's verified
 * track record and the deemed-attendance service's cue.
 */
@QuarkusTest
class EngagementTest {

  static final String ENGAGEMENTS = Matching.API + "/engagements";

  @Inject AgroalDataSource dataSource;

  static ValidatableResponse create(String role, String subject, Map<String, Object> body) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer(role, subject))
        .contentType(ContentType.JSON)
        .body(body)
        .post(ENGAGEMENTS)
        .then();
  }

  static Map<String, Object> arranged(String listing) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("listingId", listing);
    body.put("organisationName", "株式会社訪問先");
    body.put("corporateNumber", "1234567890123");
    body.put("themeNumber", 4);
    body.put("startedOn", "2026-10-01");
    return body;
  }

  static ValidatableResponse visit(String specialist, String id, int n, String on, String outcome) {
    String etag = Matching.etag(ENGAGEMENTS + "/" + id, "specialist", specialist);
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", specialist))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of("visitedOn", on, "outcome", outcome))
        .put(ENGAGEMENTS + "/" + id + "/visits/" + n)
        .then();
  }

  static ValidatableResponse complete(String role, String subject, String id) {
    String etag = Matching.etag(ENGAGEMENTS + "/" + id, role, subject);
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer(role, subject))
        .header("If-Match", etag)
        .post(ENGAGEMENTS + "/" + id + "/complete")
        .then();
  }

  @Test
  void completingThreeVisitsCountsOnTheListingAndTellsDeemedAttendance() throws Exception {
    String listing = Matching.publishedListing("eng-spec-a");
    String id =
        create("support-body", "eng-chamber", arranged(listing))
            .statusCode(201)
            .header("ETag", notNullValue())
            .body("status", equalTo("IN_PROGRESS"))
            .body("visits.goal", contains("現状のリスクの把握", "インシデント対応手順の作成", "手順に基づく机上訓練の実施"))
            .extract()
            .path("id");

    visit("eng-spec-a", id, 1, "2026-10-05", "リスクを洗い出した").statusCode(200);
    visit("eng-spec-a", id, 2, "2026-10-19", "手順書の初版を作成").statusCode(200);
    complete("support-body", "eng-chamber", id)
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/visits-incomplete"));
    visit("eng-spec-a", id, 3, "2026-11-02", "机上訓練を実施し手順を改訂").statusCode(200);

    complete("specialist", "eng-spec-a", id)
        .statusCode(200)
        .body("status", equalTo("COMPLETED"))
        .body("completedOn", equalTo("2026-11-02"));
    complete("support-body", "eng-chamber", id).statusCode(409);
    visit("eng-spec-a", id, 3, "2026-11-03", "後から書き換え").statusCode(409);

    given()
        .filter(Contracts.validator())
        .get(Matching.API + "/listings/" + listing)
        .then()
        .statusCode(200)
        .body("verified.platformEngagements.completed", equalTo(1))
        .body("verified.platformEngagements.verifiedAt", notNullValue());
    given()
        .header("Authorization", bearer("specialist", "eng-spec-a"))
        .get(Matching.API + "/listings/" + listing + "/history")
        .then()
        .body("items.action", hasItem("ENGAGEMENT_COMPLETED"));

    String registrationNumber =
        given()
            .get(Matching.API + "/listings/" + listing)
            .then()
            .extract()
            .path("registrationNumber");
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), EngagementCompleted.TOPIC)) {
      JsonNode event =
          log.awaitEvent(e -> id.equals(e.path("subject").asText()), Duration.ofSeconds(15));
      assertEquals(EngagementCompleted.COMPLETED, event.path("type").asText());
      JsonNode expected =
          new ObjectMapper()
              .readTree(
                  """
                  {"engagementId":"%s","listingId":"%s","registrationNumber":"%s",
                   "themeNumber":4,"organisationName":"株式会社訪問先",
                   "startedOn":"2026-10-01","completedOn":"2026-11-02",
                   "visits":[
                     {"number":1,"goal":"現状のリスクの把握","outcome":"リスクを洗い出した"},
                     {"number":2,"goal":"インシデント対応手順の作成","outcome":"手順書の初版を作成"},
                     {"number":3,"goal":"手順に基づく机上訓練の実施","outcome":"机上訓練を実施し手順を改訂"}]}
                  """
                      .formatted(id, listing, registrationNumber));
      assertEquals(expected, event.path("data"));
      log.records().stream()
          .filter(r -> id.equals(r.key()))
          .forEach(
              r ->
                  assertEquals(
                      Set.of(), EventSchemas.violations(EngagementCompleted.SCHEMA, r.value())));
    }
  }

  @Test
  void aSpecialistStartsGuidanceFromAnAcceptedInquiryWithTheirOwnGoals() {
    String listing = Matching.publishedListing("eng-spec-b");
    String inquiry = Matching.sent("eng-sme-b", listing, true);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("listingId", listing);
    body.put("inquiryId", inquiry);
    body.put("themeNumber", 1);
    body.put("startedOn", "2026-11-01");
    body.put(
        "visits",
        List.of(
            Map.of("number", 2, "goal", "基本方針案"),
            Map.of("number", 1, "goal", "現状把握"),
            Map.of("number", 3, "goal", "関連規程案")));

    create("specialist", "eng-spec-b", body)
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/inquiry-not-accepted"));
    Matching.act("specialist", "eng-spec-b", inquiry, "accept", null).statusCode(200);
    create("specialist", "eng-spec-b", body)
        .statusCode(201)
        .body("organisationName", equalTo("株式会社テスト製作所"))
        .body("inquiryId", equalTo(inquiry))
        .body("visits.goal", contains("現状把握", "基本方針案", "関連規程案"));
    create("specialist", "eng-spec-b", body)
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/engagement-exists"));

    Map<String, Object> withoutInquiry = new LinkedHashMap<>(body);
    withoutInquiry.remove("inquiryId");
    create("specialist", "eng-spec-b", withoutInquiry)
        .statusCode(400)
        .body("violations.field", hasItem("inquiryId"));
  }

  @Test
  void badEngagementsAreNamedAndStoreNothing() {
    String listing = Matching.publishedListing("eng-spec-c");
    Map<String, Object> body = arranged(listing);
    body.put("themeNumber", 42);
    body.put("corporateNumber", "12-34");
    body.put("organisationName", "   ");
    body.put(
        "visits",
        List.of(
            Map.of("number", 1, "goal", "a"),
            Map.of("number", 1, "goal", "b"),
            Map.of("number", 2, "goal", "c")));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("support-body", "eng-chamber-c"))
        .contentType(ContentType.JSON)
        .body(body)
        .post(ENGAGEMENTS)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("corporateNumber"))
        .body("violations.field", hasItem("organisationName"));
    body.put("corporateNumber", null);
    body.put("organisationName", "株式会社訪問先");
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("support-body", "eng-chamber-c"))
        .contentType(ContentType.JSON)
        .body(body)
        .post(ENGAGEMENTS)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("themeNumber"))
        .body("violations.field", hasItem("visits"));
    given()
        .header("Authorization", bearer("support-body", "eng-chamber-c"))
        .get(ENGAGEMENTS)
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
  }

  @Test
  void onlyTheSpecialistTheSupportBodyAndIpaSeeAnEngagement() {
    String listing = Matching.publishedListing("eng-spec-d");
    String id =
        create("support-body", "eng-chamber-d", arranged(listing))
            .statusCode(201)
            .extract()
            .path("id");
    String etag = Matching.etag(ENGAGEMENTS + "/" + id, "support-body", "eng-chamber-d");

    for (String[] outsider :
        new String[][] {{"support-body", "eng-chamber-other"}, {"specialist", "eng-spec-other"}}) {
      given()
          .filter(Contracts.validator())
          .header("Authorization", bearer(outsider[0], outsider[1]))
          .get(ENGAGEMENTS + "/" + id)
          .then()
          .statusCode(404);
      given()
          .header("Authorization", bearer(outsider[0], outsider[1]))
          .header("If-Match", etag)
          .post(ENGAGEMENTS + "/" + id + "/complete")
          .then()
          .statusCode(404);
    }
    given()
        .header("Authorization", bearer("specialist", "eng-spec-other"))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of("visitedOn", "2026-10-02", "outcome", "x"))
        .put(ENGAGEMENTS + "/" + id + "/visits/1")
        .then()
        .statusCode(404);
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", "eng-spec-d"))
        .get(ENGAGEMENTS)
        .then()
        .body("items.id", contains(id));
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("ipa-admin", "ipa"))
        .get(ENGAGEMENTS + "/" + id)
        .then()
        .statusCode(200);
    given()
        .header("Authorization", bearer("specialist", "eng-spec-d"))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of("visitedOn", "2026-09-30", "outcome", "before the start"))
        .put(ENGAGEMENTS + "/" + id + "/visits/1")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("visitedOn"));
    given()
        .header("Authorization", bearer("specialist", "eng-spec-d"))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of("visitedOn", "2026-10-30", "outcome", "x"))
        .put(ENGAGEMENTS + "/" + id + "/visits/4")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("number"));
  }

  static ValidatableResponse cancel(String role, String subject, String id, String reason) {
    String etag = Matching.etag(ENGAGEMENTS + "/" + id, role, subject);
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer(role, subject))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", reason))
        .post(ENGAGEMENTS + "/" + id + "/cancel")
        .then();
  }

  @Test
  void aCancelledEngagementNeverCountsAndItsVisitsNoLongerChange() throws Exception {
    String listing = Matching.publishedListing("eng-cancel-a");
    String id =
        create("support-body", "eng-cancel-chamber", arranged(listing))
            .statusCode(201)
            .extract()
            .path("id");
    visit("eng-cancel-a", id, 1, "2026-10-05", "リスクを洗い出した").statusCode(200);
    visit("eng-cancel-a", id, 2, "2026-10-19", "手順書の初版を作成").statusCode(200);
    visit("eng-cancel-a", id, 3, "2026-11-02", "机上訓練を実施").statusCode(200);

    given()
        .header("Authorization", bearer("support-body", "eng-cancel-chamber"))
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "先方の事業停止"))
        .post(ENGAGEMENTS + "/" + id + "/cancel")
        .then()
        .statusCode(428);
    cancel("support-body", "eng-cancel-chamber", id, " 先方の事業停止 ")
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("status", equalTo("CANCELLED"))
        .body("cancellationReason", equalTo("先方の事業停止"))
        .body("cancelledAt", notNullValue())
        .body("completedOn", equalTo(null))
        .body("visits.outcome", hasItem("机上訓練を実施"));

    complete("specialist", "eng-cancel-a", id)
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/engagement-cancelled"));
    visit("eng-cancel-a", id, 3, "2026-11-03", "後から書き換え")
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/engagement-cancelled"));
    cancel("specialist", "eng-cancel-a", id, "二度目")
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/engagement-cancelled"));

    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", "eng-cancel-a"))
        .get(ENGAGEMENTS + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("visits[2].outcome", equalTo("机上訓練を実施"));
    given()
        .filter(Contracts.validator())
        .get(Matching.API + "/listings/" + listing)
        .then()
        .statusCode(200)
        .body("verified.platformEngagements.completed", equalTo(0));
    given()
        .header("Authorization", bearer("specialist", "eng-cancel-a"))
        .get(Matching.API + "/listings/" + listing + "/history")
        .then()
        .body("items.action", not(hasItem("ENGAGEMENT_COMPLETED")));
    // The completion event is written with the completion or not at all: nothing in the outbox.
    assertEquals(
        0, Matching.intQuery(dataSource, "SELECT count(*) FROM outbox WHERE aggregate_id = ?", id));
  }

  @Test
  void aCompletedEngagementCannotBeCancelledAndOutsidersCannotCancelAtAll() {
    String listing = Matching.publishedListing("eng-cancel-b");
    String id =
        create("support-body", "eng-cancel-chamber-b", arranged(listing))
            .statusCode(201)
            .extract()
            .path("id");
    String etag = Matching.etag(ENGAGEMENTS + "/" + id, "specialist", "eng-cancel-b");
    for (String[] outsider :
        new String[][] {{"support-body", "eng-cancel-other"}, {"specialist", "eng-cancel-other"}}) {
      given()
          .header("Authorization", bearer(outsider[0], outsider[1]))
          .header("If-Match", etag)
          .contentType(ContentType.JSON)
          .body(Map.of("reason", "部外者"))
          .post(ENGAGEMENTS + "/" + id + "/cancel")
          .then()
          .statusCode(404);
    }
    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(Map.of(), Map.of("reason", "x".repeat(501)))) {
      given()
          .filter(Contracts.responseValidator())
          .header("Authorization", bearer("specialist", "eng-cancel-b"))
          .header("If-Match", etag)
          .contentType(ContentType.JSON)
          .body(bad)
          .post(ENGAGEMENTS + "/" + id + "/cancel")
          .then()
          .statusCode(400)
          .body("violations.field", hasItem("reason"));
    }

    visit("eng-cancel-b", id, 1, "2026-10-05", "一回目").statusCode(200);
    visit("eng-cancel-b", id, 2, "2026-10-12", "二回目").statusCode(200);
    visit("eng-cancel-b", id, 3, "2026-10-19", "三回目").statusCode(200);
    complete("specialist", "eng-cancel-b", id).statusCode(200);
    cancel("support-body", "eng-cancel-chamber-b", id, "完了後の取消")
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/invalid-transition"));
    given()
        .filter(Contracts.validator())
        .get(Matching.API + "/listings/" + listing)
        .then()
        .body("verified.platformEngagements.completed", equalTo(1));
  }
}
