package jp.riss.activelist.statistics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.inquiry.Matching;
import jp.riss.activelist.listing.Listings;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventSender;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** IPA's aggregates: listings per prefecture × theme × status, demand against supply. */
@QuarkusTest
class StatisticsTest {

  private static final String PATH = "/api/v1/active-list/statistics";

  private static JsonPath get(String path) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "stats"))
        .get(PATH + path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static long cell(JsonPath stats, String prefecture, int theme, String status) {
    List<Map<String, Object>> items = stats.getList("items");
    return items.stream()
        .filter(
            i ->
                prefecture.equals(i.get("prefecture"))
                    && theme == ((Number) i.get("theme")).intValue()
                    && status.equals(i.get("status")))
        .mapToLong(i -> ((Number) i.get("listings")).longValue())
        .sum();
  }

  @Test
  void listingsAreCountedInEveryPrefectureAndThemeTheyCoverByStatus() {
    JsonPath before = get("/listings");
    String published = Listings.createDraft("stats-a", Listings.uniqueRegistrationNumber());
    Listings.publish(published);
    Listings.createDraft("stats-b", Listings.uniqueRegistrationNumber());

    JsonPath after = get("/listings");
    // The default declaration serves 13 and 14 with themes 1 and 4.
    for (String prefecture : List.of("13", "14")) {
      for (int theme : List.of(1, 4)) {
        assertEquals(
            cell(before, prefecture, theme, "PUBLISHED") + 1,
            cell(after, prefecture, theme, "PUBLISHED"));
        assertEquals(
            cell(before, prefecture, theme, "DRAFT") + 1, cell(after, prefecture, theme, "DRAFT"));
      }
    }
    assertEquals(cell(before, "13", 2, "PUBLISHED"), cell(after, "13", 2, "PUBLISHED"));
  }

  private static long month(JsonPath stats, String month, String field) {
    List<Map<String, Object>> months = stats.getList("months");
    return months.stream()
        .filter(m -> month.equals(m.get("month")))
        .mapToLong(m -> ((Number) m.get(field)).longValue())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void inquiriesAndMatchesAreCountedPerJapanMonth() {
    String now = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Tokyo")).toString();
    JsonPath before = get("/inquiries");
    String listing = Matching.publishedListing("stats-inq", "capacity", 5);
    String accepted = Matching.sent("stats-company", listing, true);
    String declined = Matching.sent("stats-company", listing, false);
    Matching.act("specialist", "stats-inq", accepted, "accept", null).statusCode(200);
    Matching.act("specialist", "stats-inq", declined, "decline", Map.of("reason", "schedule"))
        .statusCode(200);

    JsonPath after = get("/inquiries?from=" + now + "&to=" + now);
    assertEquals(1, after.getList("months").size());
    assertEquals(month(before, now, "inquiries") + 2, month(after, now, "inquiries"));
    assertEquals(month(before, now, "accepted") + 1, month(after, now, "accepted"));
    assertEquals(month(before, now, "declined") + 1, month(after, now, "declined"));
    assertEquals(12, before.getList("months").size(), "the last 12 months by default");
    assertEquals(0, month(get("/inquiries?from=2019-01&to=2019-03"), "2019-02", "inquiries"));
  }

  @Test
  void demandFromSelfDiagnosesIsCountedOncePerThemeAndRegion() {
    EventSource guide = EventSource.of("practical-guide-service");
    OffsetDateTime day = OffsetDateTime.parse("2019-06-10T10:00:00+09:00");
    try (EventSender sender = new EventSender()) {
      UUID first = UUID.randomUUID();
      CloudEvent one =
          guide.create(
              SelfDiagnosisCompleted.TYPE,
              first.toString(),
              "guide.diagnosis.v1",
              new SelfDiagnosisCompleted(first, "47", "E", List.of(1, 5), day));
      sender.send(SelfDiagnosisCompleted.TOPIC, one.subject(), EventJson.write(one));
      sender.send(SelfDiagnosisCompleted.TOPIC, one.subject(), EventJson.write(one));
      UUID second = UUID.randomUUID();
      CloudEvent two =
          guide.create(
              SelfDiagnosisCompleted.TYPE,
              second.toString(),
              "guide.diagnosis.v1",
              // The same diagnosis as a new event (a producer retry): still counted once.
              new SelfDiagnosisCompleted(first, "47", "E", List.of(1, 5), day));
      sender.send(SelfDiagnosisCompleted.TOPIC, two.subject(), EventJson.write(two));
      UUID third = UUID.randomUUID();
      CloudEvent three =
          guide.create(
              SelfDiagnosisCompleted.TYPE,
              third.toString(),
              "guide.diagnosis.v1",
              new SelfDiagnosisCompleted(third, "47", null, List.of(1), day.plusDays(1)));
      sender.send(SelfDiagnosisCompleted.TOPIC, three.subject(), EventJson.write(three));
      sender.send(SelfDiagnosisCompleted.TOPIC, "bad", "{\"type\": 1}");
    }

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> get("/demand?from=2019-06-01&to=2019-06-30").getInt("items[0].diagnoses") == 2);
    JsonPath demand = get("/demand?from=2019-06-01&to=2019-06-30");
    assertEquals("47", demand.getString("items[0].prefecture"));
    assertEquals(1, demand.getInt("items[0].theme"));
    assertEquals(2, demand.getInt("items[0].diagnoses"));
    assertEquals(5, demand.getInt("items[1].theme"));
    assertEquals(1, demand.getInt("items[1].diagnoses"));
    assertEquals(1, get("/demand?from=2019-06-11&to=2019-06-11").getInt("items[0].diagnoses"));
    assertEquals(0, get("/demand?from=2019-06-12&to=2019-06-12").getList("items").size());
  }

  @Test
  void badPeriodsAreNamed() {
    for (String query :
        List.of("from=2026-13-01", "to=yesterday", "from=2026-05-02&to=2026-05-01")) {
      given()
          .header("Authorization", "Bearer " + Tokens.of("ipa-reviewer", "stats"))
          .get(PATH + "/demand?" + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("violations.field", hasItem(query.contains("to=yesterday") ? "to" : "from"));
    }
  }

  @Test
  void onlyIpaReadsStatistics() {
    for (String path : List.of("/listings", "/demand", "/inquiries")) {
      given().get(PATH + path).then().statusCode(401);
      for (String role :
          List.of("specialist", "company", "support-body", "certifier", "alumni", "camp-office")) {
        given()
            .header("Authorization", "Bearer " + Tokens.of(role, "x"))
            .get(PATH + path)
            .then()
            .statusCode(403);
      }
      for (String token :
          List.of(Tokens.expired("ipa-admin", "s"), Tokens.wronglySigned("ipa-admin", "s"))) {
        given().header("Authorization", "Bearer " + token).get(PATH + path).then().statusCode(401);
      }
    }
  }
}
