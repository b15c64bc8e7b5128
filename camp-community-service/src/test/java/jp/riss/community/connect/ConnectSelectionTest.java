package jp.riss.community.connect;

import static jp.riss.community.connect.ConnectApi.APPS;
import static jp.riss.community.connect.ConnectApi.CALLS;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Selection: at least two assigned reviewers score each application on the rubric; a declared
 * conflict bars scoring; the camp office decides in rank order without exceeding a theme's or the
 * edition's capacity (also under concurrency); a declined place goes to the theme's first reserve,
 * told to others as {@code community.connect-application.v1}; sponsors see aggregates.
 */
@QuarkusTest
class ConnectSelectionTest {

  /** An application to the theme with two reviews, ready for a decision. */
  private static String reviewedApplication(JsonPath call, int theme, String r1, String r2) {
    String id =
        ConnectApi.apply(
            CommunityApi.enrolled(20), call.getString("id"), ConnectApi.themeId(call, theme));
    ConnectApi.score(r1, id, 4);
    ConnectApi.score(r2, id, 3);
    return id;
  }

  @Test
  void reviewersScoreOnTheRubricAndNeverScoreADeclaredConflict() {
    JsonPath call = ConnectApi.openCall(10, 5);
    String callId = call.getString("id");
    String r1 = ConnectApi.reviewer(callId);
    String r2 = ConnectApi.reviewer(callId);
    String r3 = ConnectApi.reviewer(callId);
    Person applicant = CommunityApi.enrolled(24);
    String id = ConnectApi.apply(applicant, callId, ConnectApi.themeId(call, 0));

    // A reviewer of no call (or another call) neither sees nor scores it.
    String stranger = CommunityApi.fresh("reviewer");
    ConnectApi.reviewerAs(stranger)
        .contentType(ContentType.JSON)
        .body(Map.of("scores", ConnectApi.scores(3)))
        .put(APPS + "/" + id + "/reviews/me")
        .then()
        .statusCode(404);
    ConnectApi.reviewerAs(stranger)
        .get(CALLS + "/" + callId + "/applications")
        .then()
        .statusCode(403)
        .body("type", equalTo("https://riss.example/problems/not-assigned"));

    // Every fault of a score sheet at once: unknown criterion, over the maximum, a repeat.
    CommunityApi.lenient(Tokens.of("connect-reviewer", r1))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "scores",
                List.of(
                    Map.of("criterion", "charisma", "score", 3),
                    Map.of("criterion", "bridging", "score", 6),
                    Map.of("criterion", "collaboration", "score", 2),
                    Map.of("criterion", "collaboration", "score", 2)),
                "comment",
                "x".repeat(2001)))
        .put(APPS + "/" + id + "/reviews/me")
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            containsInAnyOrder(
                "scores[0].criterion", "scores[1].score", "scores[3].criterion", "comment"));
    CommunityApi.lenient(Tokens.of("connect-reviewer", r1))
        .contentType(ContentType.JSON)
        .body(Map.of("scores", List.of(Map.of("criterion", "bridging", "score", 5))))
        .put(APPS + "/" + id + "/reviews/me")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("scores"));

    ConnectApi.score(r1, id, 4);
    ConnectApi.reviewerAs(r1)
        .get(CALLS + "/" + callId + "/applications")
        .then()
        .statusCode(200)
        .body("items[0].state", equalTo("under-review"))
        .body("items[0].myReview.total", equalTo(16))
        .body("items[0].meanTotal", nullValue());

    // r3 declares a conflict: it can no longer score, and one review is not enough to decide.
    ConnectApi.score(r3, id, 1);
    ConnectApi.reviewerAs(r3)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "指導している学生です"))
        .post(APPS + "/" + id + "/conflict")
        .then()
        .statusCode(200)
        .body("conflictDeclared", equalTo(true))
        .body("myReview", nullValue());
    ConnectApi.reviewerAs(r3)
        .contentType(ContentType.JSON)
        .body(Map.of("scores", ConnectApi.scores(5)))
        .put(APPS + "/" + id + "/reviews/me")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/conflict-declared"));
    ConnectApi.decision("accepted", 1)
        .post(APPS + "/" + id + "/decision")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/reviews-missing"))
        .body("reviewCount", equalTo(1));

    ConnectApi.score(r2, id, 2);
    CommunityApi.office()
        .get(CALLS + "/" + callId + "/applications")
        .then()
        .statusCode(200)
        .body("items[0].reviewCount", equalTo(2))
        .body("items[0].meanTotal", equalTo(12.0f));
    ConnectApi.decision("accepted", 1)
        .post(APPS + "/" + id + "/decision")
        .then()
        .statusCode(200)
        .body("state", equalTo("accepted"))
        .body("rank", equalTo(1));
    // Decided: no more scores, no second decision.
    ConnectApi.reviewerAs(r1)
        .contentType(ContentType.JSON)
        .body(Map.of("scores", ConnectApi.scores(5)))
        .put(APPS + "/" + id + "/reviews/me")
        .then()
        .statusCode(409);
    ConnectApi.decision("rejected", 2).post(APPS + "/" + id + "/decision").then().statusCode(409);
    CommunityApi.member(applicant).get(APPS + "/" + id).then().body("state", equalTo("accepted"));
  }

  @Test
  void aDeclinedPlaceIsOfferedToTheFirstReserveOfThatThemeAndToldWithoutPersonalData() {
    JsonPath call = ConnectApi.openCall(10, 1, 1);
    String callId = call.getString("id");
    String r1 = ConnectApi.reviewer(callId);
    String r2 = ConnectApi.reviewer(callId);
    Person accepted = CommunityApi.enrolled(25);
    Person second = CommunityApi.enrolled(26);
    Person first = CommunityApi.enrolled(27);
    String a = ConnectApi.apply(accepted, callId, ConnectApi.themeId(call, 0));
    String b = ConnectApi.apply(second, callId, ConnectApi.themeId(call, 0));
    String c = ConnectApi.apply(first, callId, ConnectApi.themeId(call, 0));
    String otherTheme = reviewedApplication(call, 1, r1, r2);
    for (String id : List.of(a, b, c)) {
      ConnectApi.score(r1, id, 3);
      ConnectApi.score(r2, id, 3);
    }
    ConnectApi.decision("accepted", 1).post(APPS + "/" + a + "/decision").then().statusCode(200);
    // The theme is full: the next can only be a reserve.
    ConnectApi.decision("accepted", 2)
        .post(APPS + "/" + c + "/decision")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/theme-full"));
    ConnectApi.decision("reserve", 3).post(APPS + "/" + b + "/decision").then().statusCode(200);
    ConnectApi.decision("reserve", 2).post(APPS + "/" + c + "/decision").then().statusCode(200);
    ConnectApi.decision("reserve", 1)
        .post(APPS + "/" + otherTheme + "/decision")
        .then()
        .statusCode(200);
    ConnectApi.decision("reserve", 2)
        .post(APPS + "/" + otherTheme + "/decision")
        .then()
        .statusCode(409);

    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), ConnectApplicationChanged.TOPIC)) {
      CommunityApi.member(accepted)
          .post(APPS + "/" + a + "/decline")
          .then()
          .statusCode(200)
          .body("state", equalTo("declined"));
      // Rank 2 of this theme is offered the place; rank 3 still waits, the other theme is
      // untouched.
      CommunityApi.member(first).get(APPS + "/" + c).then().body("state", equalTo("offered"));
      CommunityApi.member(second).get(APPS + "/" + b).then().body("state", equalTo("reserve"));
      CommunityApi.office()
          .get(
              CALLS
                  + "/"
                  + callId
                  + "/applications?state=reserve&themeId="
                  + ConnectApi.themeId(call, 1))
          .then()
          .body("items.id", equalTo(List.of(otherTheme)));
      JsonNode offered =
          log.awaitEvent(
              e ->
                  c.equals(e.path("subject").asText())
                      && e.path("type").asText().endsWith("-offered"),
              Duration.ofSeconds(20));
      assertEquals(
          ConnectApplicationChanged.TYPE_PREFIX + "offered", offered.path("type").asText());
      assertEquals(1, offered.path("data").path("themePlacesTaken").asInt());
      assertEquals(1, offered.path("data").path("themeCapacity").asInt());
      assertEquals(
          Set.of(), EventSchemas.violations(ConnectApplicationChanged.SCHEMA, offered.toString()));
      JsonNode declined =
          log.awaitEvent(
              e ->
                  a.equals(e.path("subject").asText())
                      && e.path("type").asText().endsWith("-declined"),
              Duration.ofSeconds(20));
      assertEquals("declined", declined.path("data").path("change").asText());
      assertEquals(
          Set.of(), EventSchemas.violations(ConnectApplicationChanged.SCHEMA, declined.toString()));
      for (JsonNode e : List.of(offered, declined)) {
        for (Person p : List.of(accepted, first)) {
          for (String secret : new String[] {p.memberId(), p.email(), p.personRef(), "kosen"}) {
            assertFalse(e.toString().contains(secret), "the event carries " + secret);
          }
        }
      }
    }
    // Only an offered application takes a place; the offered one does.
    CommunityApi.member(second).post(APPS + "/" + b + "/acceptance").then().statusCode(409);
    CommunityApi.member(first)
        .post(APPS + "/" + c + "/acceptance")
        .then()
        .statusCode(200)
        .body("state", equalTo("accepted"));
    // Declining the offered-then-accepted place passes it on to rank 3.
    CommunityApi.member(first).post(APPS + "/" + c + "/decline").then().statusCode(200);
    CommunityApi.member(second).get(APPS + "/" + b).then().body("state", equalTo("offered"));
    CommunityApi.member(second).post(APPS + "/" + b + "/decline").then().statusCode(200);
    CommunityApi.member(second).post(APPS + "/" + b + "/withdrawal").then().statusCode(409);
  }

  @Test
  void concurrentAcceptancesNeverExceedAThemeOrTheEdition() throws Exception {
    // Two themes of 2 places each, but the edition holds 3.
    JsonPath call = ConnectApi.openCall(3, 2, 2);
    String callId = call.getString("id");
    String r1 = ConnectApi.reviewer(callId);
    String r2 = ConnectApi.reviewer(callId);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(reviewedApplication(call, i % 2, r1, r2));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        int rank = i + 1;
        Callable<Integer> decide =
            () ->
                ConnectApi.decision("accepted", rank)
                    .post(APPS + "/" + id + "/decision")
                    .then()
                    .extract()
                    .statusCode();
        answers.add(pool.submit(decide));
      }
      int ok = 0;
      int full = 0;
      for (Future<Integer> f : answers) {
        int status = f.get();
        if (status == 200) {
          ok++;
        } else if (status == 409) {
          full++;
        }
      }
      assertEquals(3, ok, "accepted");
      assertEquals(5, full, "refused as full");
    } finally {
      pool.shutdownNow();
    }
    JsonPath figures =
        CommunityApi.office()
            .get(CALLS + "/" + callId + "/statistics")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(3, figures.getInt("accepted"));
    List<Integer> perTheme = figures.getList("themes.accepted");
    assertTrue(perTheme.stream().allMatch(n -> n <= 2), "per theme " + perTheme);
  }

  @Test
  void sponsorsSeeOnlyAggregatesOfTheCallsTheySponsor() {
    JsonPath call = ConnectApi.openCall(20, 10, 10);
    String callId = call.getString("id");
    List<Person> applicants = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Person p = CommunityApi.enrolled(20);
      applicants.add(p);
      ConnectApi.apply(p, callId, ConnectApi.themeId(call, i < 5 ? 0 : 1));
    }
    String sponsor = CommunityApi.fresh("sponsor");
    CommunityApi.office()
        .contentType(ContentType.JSON)
        .body(Map.of("subject", sponsor, "organisation", "株式会社サンプル"))
        .post(CALLS + "/" + callId + "/sponsors")
        .then()
        .statusCode(200)
        .body("items.subject", equalTo(List.of(sponsor)));
    String body =
        CommunityApi.as("sponsor", sponsor)
            .get(CALLS + "/" + callId + "/statistics")
            .then()
            .statusCode(200)
            .body("applications", equalTo(6))
            .body("suppressedBelow", equalTo(5))
            .body("themes[0].applications", equalTo(5))
            // One applicant in the second theme: too few to show.
            .body("themes[1].applications", nullValue())
            .body("schoolKinds.find { it.code == 'kosen' }.applications", equalTo(6))
            .body("schoolKinds.find { it.code == 'other' }.applications", nullValue())
            .extract()
            .asString();
    for (Person p : applicants) {
      for (String secret : new String[] {p.memberId(), p.email(), p.personRef()}) {
        assertFalse(body.contains(secret), "the figures carry " + secret);
      }
    }
    CommunityApi.office()
        .get(CALLS + "/" + callId + "/statistics")
        .then()
        .body("themes[1].applications", equalTo(1))
        .body("suppressedBelow", nullValue());
    // Another sponsor, and a sponsor on the applications themselves: refused.
    CommunityApi.as("sponsor", CommunityApi.fresh("sponsor"))
        .get(CALLS + "/" + callId + "/statistics")
        .then()
        .statusCode(403)
        .body("type", equalTo("https://riss.example/problems/not-a-sponsor"));
    CommunityApi.lenient(Tokens.of("sponsor", sponsor))
        .get(CALLS + "/" + callId + "/applications")
        .then()
        .statusCode(403);
  }
}
