package jp.riss.community.event;

import static jp.riss.community.CommunityApi.BASE;
import static jp.riss.community.CommunityApi.member;
import static jp.riss.community.event.EventApi.EVENTS;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import org.junit.jupiter.api.Test;

/** Events in people's calendars: RFC 5545 text, and a personal feed behind a revocable secret. */
@QuarkusTest
class CalendarTest {

  @Test
  void anEventIsValidICalendarWithEscapingFoldingAndUtcTimes() {
    Map<String, Object> body = EventApi.event("workshop", "in-person", 10, 0);
    body.put("title", "攻撃者の視点で捉える, プロダクト開発; 第2回\\特別編");
    body.put("description", "1行目\n2行目: 修了生アンケートで評価の高かった講義を、もう一度。".repeat(3));
    body.put("startsAt", "2031-10-18T13:00:00+09:00");
    body.put("endsAt", "2031-10-18T16:30:00+09:00");
    body.put("registrationClosesAt", "2031-10-17T12:00:00+09:00");
    String id = EventApi.open(body);
    String ics =
        CommunityApi.checked()
            .get(EVENTS + "/" + id + "/calendar")
            .then()
            .statusCode(200)
            .contentType(containsString("text/calendar"))
            .extract()
            .asString();
    assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), ics);
    assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
    for (String line : ics.split("\r\n")) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded: " + line);
      assertTrue(!line.contains("\n") && !line.contains("\r"));
    }
    String unfolded = ics.replace("\r\n ", "");
    assertTrue(unfolded.contains("\r\nDTSTART:20311018T040000Z\r\n"), unfolded);
    assertTrue(unfolded.contains("\r\nDTEND:20311018T073000Z\r\n"));
    assertTrue(unfolded.contains("\r\nSUMMARY:攻撃者の視点で捉える\\, プロダクト開発\\; 第2回\\\\特別編\r\n"), unfolded);
    assertTrue(unfolded.contains("DESCRIPTION:1行目\\n2行目"));
    assertTrue(unfolded.contains("\r\nLOCATION:文京グリーンコート\\, 東京都\r\n"));
    assertTrue(unfolded.contains("\r\nUID:" + id + "\r\n"));
    // Folding never splits a UTF-8 character: every line decodes back to itself.
    for (String line : ics.split("\r\n")) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertEquals(line, new String(bytes, StandardCharsets.UTF_8));
    }
  }

  @Test
  void aPersonalFeedListsOnlyOnesOwnEventsAndDiesWhenRevokedOrReplaced() {
    Person p = CommunityApi.enrolled(29);
    Person other = CommunityApi.enrolled(28);
    String mine = EventApi.open(EventApi.event("alumni-event", "online", 1, 5));
    String waiting = EventApi.open(EventApi.event("exchange", "online", 1, 5));
    String notMine = EventApi.open(EventApi.event("camp-forum", "online", 5, 5));
    EventApi.register(mine, p, 201);
    EventApi.register(waiting, other, 201);
    EventApi.register(waiting, p, 201);
    EventApi.register(notMine, other, 201);
    String url =
        member(p).post(BASE + "/calendar-feed").then().statusCode(201).extract().path("url");
    String token = url.substring(url.lastIndexOf('/') + 1);
    String feed =
        CommunityApi.checked()
            .get(BASE + "/calendar-feeds/" + token)
            .then()
            .statusCode(200)
            .header("Cache-Control", containsString("no-store"))
            .extract()
            .asString()
            .replace("\r\n ", "");
    assertTrue(feed.contains("UID:" + mine + "\r\nDTSTAMP"), feed);
    assertTrue(feed.contains("UID:" + waiting + "\r\n"));
    assertTrue(!feed.contains(notMine));
    assertTrue(feed.contains("STATUS:CONFIRMED") && feed.contains("STATUS:TENTATIVE"));
    // A new URL replaces the old one; revoking ends the new one too.
    String second =
        member(p).post(BASE + "/calendar-feed").then().statusCode(201).extract().path("url");
    CommunityApi.checked().get(BASE + "/calendar-feeds/" + token).then().statusCode(404);
    String token2 = second.substring(second.lastIndexOf('/') + 1);
    CommunityApi.checked().get(BASE + "/calendar-feeds/" + token2).then().statusCode(200);
    member(p).delete(BASE + "/calendar-feed").then().statusCode(204);
    CommunityApi.checked()
        .get(BASE + "/calendar-feeds/" + token2)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    io.restassured.RestAssured.given()
        .filter(jp.riss.platform.testing.Contracts.responseValidator())
        .get(BASE + "/calendar-feeds/not-a-token")
        .then()
        .statusCode(400)
        .body("violations[0].field", org.hamcrest.Matchers.equalTo("token"));
  }
}
