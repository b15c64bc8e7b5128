package jp.riss.community.feed;

import static jp.riss.community.CommunityApi.member;
import static jp.riss.community.CommunityApi.office;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.community.event.EventTestData;
import jp.riss.community.opportunity.OpportunityApi;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The member's feed: what targets them, soonest deadline first, paged, minors by their scopes. */
@QuarkusTest
class FeedTest {

  static String openEvent(Map<String, Object> body) {
    var created =
        office()
            .contentType(ContentType.JSON)
            .body(body)
            .post(CommunityApi.BASE + "/events")
            .then()
            .statusCode(201)
            .extract();
    String id = created.path("id");
    office()
        .header("If-Match", created.header("ETag"))
        .post(CommunityApi.BASE + "/events/" + id + "/opening")
        .then()
        .statusCode(200);
    return id;
  }

  @Test
  void opportunitiesCallsAndEventsSoonestFirstAcrossPages() {
    Map<String, Object> seminar = OpportunityApi.opportunity("alumni-seminar", 5, "online");
    seminar.put("targeting", OpportunityApi.targeting("junior", List.of()));
    seminar.put("minorSuitable", true);
    String opp = OpportunityApi.create(seminar);
    String workshop = openEvent(EventTestData.workshop());
    Map<String, Object> call = new java.util.LinkedHashMap<>();
    call.put("kind", "participation");
    call.put("issuer", "内閣サイバーセキュリティセンター");
    call.put("title", CommunityApi.fresh("演習への参加案内"));
    call.put("description", "演習の評価者として参加する修了生を募ります。");
    call.put("deadline", OpportunityApi.inDays(3));
    call.put("targeting", OpportunityApi.targeting("adult", List.of()));
    call.put("minorSuitable", false);
    String callId =
        CommunityApi.as("government-body", CommunityApi.fresh("nisc"))
            .contentType(ContentType.JSON)
            .body(call)
            .post(CommunityApi.BASE + "/government-calls")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    Person adult = CommunityApi.enrolled(32);
    List<Map<String, Object>> items = new ArrayList<>();
    String next = OpportunityApi.FEED + "?limit=2";
    while (next != null) {
      JsonPath page = member(adult).get(next).then().statusCode(200).extract().jsonPath();
      assertTrue(page.getList("items").size() <= 2);
      items.addAll(page.getList("items"));
      next = page.getString("next");
    }
    List<String> ids = items.stream().map(i -> (String) i.get("id")).toList();
    assertEquals(ids.size(), new HashSet<>(ids).size(), "an item on two pages");
    assertTrue(ids.containsAll(List.of(opp, workshop, callId)));
    List<OffsetDateTime> deadlines =
        items.stream().map(i -> OffsetDateTime.parse((String) i.get("deadline"))).toList();
    for (int i = 1; i < deadlines.size(); i++) {
      assertFalse(deadlines.get(i).isBefore(deadlines.get(i - 1)), "not soonest first");
    }
    assertTrue(
        ids.indexOf(opp) < ids.indexOf(callId) && ids.indexOf(callId) < ids.indexOf(workshop));
    member(adult)
        .get(OpportunityApi.FEED + "?limit=50")
        .then()
        .body("items.source", hasItems("opportunity", "government-call", "event"));

    // A 14-year-old with online events only: the online seminar and workshop, no adults' call.
    Person online = CommunityApi.minorWith(14, "membership", "events-online");
    List<String> theirs = OpportunityApi.feedIds(online);
    assertTrue(theirs.containsAll(List.of(opp, workshop)));
    assertFalse(theirs.contains(callId));
    Person inPersonOnly = CommunityApi.minorWith(14, "membership", "events-in-person");
    List<String> notOnline = OpportunityApi.feedIds(inPersonOnly);
    assertFalse(notOnline.contains(opp));
    assertFalse(notOnline.contains(workshop));
  }

  @Test
  void badPagingIsA400NamingTheParameter() {
    String token = CommunityApi.enrolled(33).token();
    for (String query : List.of("limit=0", "limit=51", "limit=x", "cursor=bad", "since=1")) {
      CommunityApi.lenient(token)
          .urlEncodingEnabled(false)
          .get(OpportunityApi.FEED + "?" + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    CommunityApi.lenient(Tokens.of("camp-office", "x"))
        .get(OpportunityApi.FEED)
        .then()
        .statusCode(403);
  }
}
