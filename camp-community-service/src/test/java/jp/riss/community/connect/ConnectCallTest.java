package jp.riss.community.connect;

import static jp.riss.community.connect.ConnectApi.APPS;
import static jp.riss.community.connect.ConnectApi.CALLS;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Calls are data per edition and stage (sizes, themes with their axis and capacity, eligibility,
 * window); the main call shows the pre-event's published results. Applications: exactly one theme,
 * one live application per person and call, switching theme by withdrawing and applying again,
 * statements within their bounds, minors only with the guardian's connect-application scope.
 */
@QuarkusTest
class ConnectCallTest {

  @Test
  void sizesAreEditionDataAndTheMainCallShowsThePreEventsPublishedResults() {
    int year = ConnectApi.freshYear();
    String preEdition = ConnectApi.edition(year, "pre", 15);
    String mainEdition = ConnectApi.edition(year, "main", 50);
    JsonPath pre =
        ConnectApi.createCall(
            ConnectApi.callBody(
                preEdition,
                ConnectApi.now().minusDays(30),
                ConnectApi.now().minusDays(1),
                List.of(
                    ConnectApi.theme("ai", "technology", 8),
                    ConnectApi.theme("automotive", "industry", 7))));
    assertEquals(15, pre.getInt("capacity"));
    assertEquals("pre", pre.getString("stage"));
    assertEquals(List.of("technology", "industry"), pre.getList("themes.axis"));
    assertEquals(List.of(8, 7), pre.getList("themes.capacity"));
    assertEquals(4, pre.getList("rubric").size());
    String preId = pre.getString("id");

    JsonPath main =
        ConnectApi.createCall(
            ConnectApi.callBody(
                mainEdition,
                ConnectApi.now().minusHours(1),
                ConnectApi.now().plusDays(30),
                List.of(
                    ConnectApi.theme("ai", "technology", 20),
                    ConnectApi.theme("automotive", "industry", 20),
                    ConnectApi.theme("economics", "social-science", 10))));
    String mainId = main.getString("id");
    assertEquals(50, main.getInt("capacity"));
    CommunityApi.checked()
        .get(CALLS + "/" + mainId)
        .then()
        .statusCode(200)
        .body("preEvent", nullValue());

    // The main call's window is open: its results cannot be published yet.
    CommunityApi.office()
        .contentType(ContentType.JSON)
        .body(Map.of("summary", "まだ"))
        .post(CALLS + "/" + mainId + "/results")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/call-still-open"));
    CommunityApi.office()
        .contentType(ContentType.JSON)
        .body(Map.of("summary", "15名が参加し、AIと自動車の2テーマで成果を発表しました。"))
        .post(CALLS + "/" + preId + "/results")
        .then()
        .statusCode(200)
        .body("results.summary", notNullValue());
    // Public, no token: applicants read the call with the pre-event's results on it.
    CommunityApi.checked()
        .get(CALLS + "/" + mainId)
        .then()
        .statusCode(200)
        .body("preEvent.callId", equalTo(preId))
        .body("preEvent.results.summary", equalTo("15名が参加し、AIと自動車の2テーマで成果を発表しました。"))
        .body("preEvent.themes.code", equalTo(List.of("ai", "automotive")));
    // One call per edition.
    CommunityApi.office()
        .contentType(ContentType.JSON)
        .body(
            ConnectApi.callBody(
                mainEdition,
                ConnectApi.now(),
                ConnectApi.now().plusDays(1),
                List.of(ConnectApi.theme("ai", "technology", 1))))
        .post(CALLS)
        .then()
        .statusCode(409);
  }

  @Test
  void badCallInputNamesEveryFieldAtOnce() {
    String national =
        CommunityApi.checked()
            .get(CommunityApi.BASE + "/editions?programme=national")
            .then()
            .extract()
            .path("items[0].id");
    Map<String, Object> body = new HashMap<>();
    body.put("editionId", national == null ? "00000000-0000-4000-8000-000000000000" : national);
    body.put("title", "");
    body.put("eligibility", "x".repeat(2001));
    body.put("opensAt", "2026-03-01T10:00:00+09:00");
    body.put("closesAt", "2026-02-01T10:00:00+09:00");
    body.put("rubricVersion", "1999-9");
    body.put("minReviews", 1);
    body.put(
        "themes",
        List.of(
            Map.of("code", "AI", "axis", "art", "title", "t", "capacity", 0),
            Map.of("code", "ok", "axis", "industry", "title", "t".repeat(201), "capacity", 1001)));
    CommunityApi.lenient(Tokens.of("camp-office", "o"))
        .contentType(ContentType.JSON)
        .body(body)
        .post(CALLS)
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            containsInAnyOrder(
                "editionId",
                "title",
                "eligibility",
                "closesAt",
                "rubricVersion",
                "minReviews",
                "themes[0].code",
                "themes[0].axis",
                "themes[0].capacity",
                "themes[1].title",
                "themes[1].capacity"));
  }

  @Test
  void oneLiveApplicationPerCallAndSwitchingThemeMeansWithdrawingFirst() {
    JsonPath call = ConnectApi.openCall(10, 5, 5);
    String callId = call.getString("id");
    Person p = CommunityApi.enrolled(21);
    String first = ConnectApi.apply(p, callId, ConnectApi.themeId(call, 0));
    CommunityApi.member(p)
        .contentType(ContentType.JSON)
        .body(ConnectApi.application(ConnectApi.themeId(call, 1)))
        .post(CALLS + "/" + callId + "/applications")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/already-applied"));
    CommunityApi.member(p)
        .post(APPS + "/" + first + "/withdrawal")
        .then()
        .statusCode(200)
        .body("state", equalTo("withdrawn"));
    String second = ConnectApi.apply(p, callId, ConnectApi.themeId(call, 1));
    CommunityApi.member(p)
        .get(APPS + "/" + second)
        .then()
        .statusCode(200)
        .body("themeCode", equalTo("theme-2"))
        .body("state", equalTo("submitted"));
    // Two applications, one page each.
    JsonPath page1 =
        CommunityApi.member(p).get(APPS + "?limit=1").then().statusCode(200).extract().jsonPath();
    assertEquals(first, page1.getString("items[0].id"));
    assertNotNull(page1.getString("next"));
    CommunityApi.member(p)
        .get(page1.getString("next"))
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(second)))
        .body("next", nullValue());
    // Someone else's application does not exist for them.
    Person other = CommunityApi.enrolled(22);
    CommunityApi.member(other).get(APPS + "/" + second).then().statusCode(404);
    CommunityApi.member(other).post(APPS + "/" + second + "/withdrawal").then().statusCode(404);
    CommunityApi.member(other).post(APPS + "/" + second + "/decline").then().statusCode(404);
    CommunityApi.lenient(other.token()).get(APPS + "?cursor=not-a-cursor").then().statusCode(400);
    CommunityApi.lenient(other.token())
        .get(APPS + "?page=2")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("page"));
  }

  @Test
  void badApplicationsNameEveryFieldAndTheWindowIsKept() {
    JsonPath call = ConnectApi.openCall(10, 5);
    String callId = call.getString("id");
    Person p = CommunityApi.enrolled(23);
    CommunityApi.lenient(p.token())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "themeId", "00000000-0000-4000-8000-000000000000",
                "schoolKind", "high-school",
                "motivation", "あ".repeat(2001)))
        .post(CALLS + "/" + callId + "/applications")
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            containsInAnyOrder("themeId", "schoolKind", "motivation", "expertise"));
    CommunityApi.lenient(p.token())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "themeId", ConnectApi.themeId(call, 0),
                "schoolKind", "kosen",
                "motivation", "a\u0000b",
                "expertise", "e"))
        .post(CALLS + "/" + callId + "/applications")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("motivation"));
    // Exactly at the bound is fine.
    Map<String, Object> atBound =
        new HashMap<>(ConnectApi.application(ConnectApi.themeId(call, 0)));
    atBound.put("motivation", "あ".repeat(2000));
    CommunityApi.member(p)
        .contentType(ContentType.JSON)
        .body(atBound)
        .post(CALLS + "/" + callId + "/applications")
        .then()
        .statusCode(201);

    String closedEdition = ConnectApi.edition(ConnectApi.freshYear(), "main", 5);
    JsonPath closed =
        ConnectApi.createCall(
            ConnectApi.callBody(
                closedEdition,
                ConnectApi.now().minusDays(10),
                ConnectApi.now().minusDays(1),
                List.of(ConnectApi.theme("ai", "technology", 5))));
    CommunityApi.member(p)
        .contentType(ContentType.JSON)
        .body(ConnectApi.application(ConnectApi.themeId(closed, 0)))
        .post(CALLS + "/" + closed.getString("id") + "/applications")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/outside-application-window"));
  }

  @Test
  void minorsApplyOnlyWithTheGuardiansConnectApplicationScope() {
    JsonPath call = ConnectApi.openCall(10, 5);
    String callId = call.getString("id");
    Person without = CommunityApi.minorWith(16, "membership");
    CommunityApi.member(without)
        .contentType(ContentType.JSON)
        .body(ConnectApi.application(ConnectApi.themeId(call, 0)))
        .post(CALLS + "/" + callId + "/applications")
        .then()
        .statusCode(403)
        .body("missingScope", equalTo("connect-application"));
    Person with = CommunityApi.minorWith(16, "membership", "connect-application");
    ConnectApi.apply(with, callId, ConnectApi.themeId(call, 0));
    CommunityApi.member(with).get(APPS).then().statusCode(200).body("items", hasSize(1));
  }
}
