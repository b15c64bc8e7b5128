package jp.riss.activelist.statistics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.inquiry.Matching;
import jp.riss.activelist.listing.Listings;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventSchemas;
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

  /**
   * A completed self-diagnosis as the practical guide sends it, checked against the guide's own
   * schema file (on the test classpath by the pom) before it is sent.
   */
  private static String diagnosis(
      UUID diagnosisId, String prefecture, List<List<Integer>> gapThemes, OffsetDateTime at) {
    List<Map<String, Object>> gaps = new java.util.ArrayList<>();
    for (int i = 0; i < gapThemes.size(); i++) {
      gaps.add(Map.of("gapCode", "gap-" + i, "step", 2, "themeCodes", gapThemes.get(i)));
    }
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("diagnosisId", diagnosisId.toString());
    data.put("completedAt", at.toString());
    data.put("instrumentCode", "sme-self-check");
    data.put("instrumentVersion", "2025-1");
    data.put("placementRuleVersion", "2025-1");
    data.put("placedStep", 2);
    data.put("prefecture", prefecture);
    data.put("jsicDivision", "E");
    data.put("employeeBand", "21-50");
    data.put("scoreBand", "build");
    data.put("gaps", gaps);
    data.put("isRepeat", false);
    CloudEvent event =
        EventSource.of("practical-guide-service")
            .create(
                SelfDiagnosisCompleted.TYPE, diagnosisId.toString(), "guide.diagnosis.v1", data);
    String json = EventJson.write(event);
    assertEquals(Set.of(), EventSchemas.violations("guide.diagnosis.v1", json));
    return json;
  }

  @Test
  void demandFromSelfDiagnosesIsCountedOncePerThemeRegionAndMonthWithSmallCellsSuppressed() {
    OffsetDateTime day = OffsetDateTime.parse("2019-06-10T10:00:00+09:00");
    try (EventSender sender = new EventSender()) {
      UUID first = UUID.randomUUID();
      String one = diagnosis(first, "47", List.of(List.of(1, 5), List.of(1)), day);
      sender.send(SelfDiagnosisCompleted.TOPIC, first.toString(), one);
      sender.send(SelfDiagnosisCompleted.TOPIC, first.toString(), one);
      // The same diagnosis as a new event (a producer retry): still counted once.
      sender.send(
          SelfDiagnosisCompleted.TOPIC,
          first.toString(),
          diagnosis(first, "47", List.of(List.of(1, 5)), day));
      for (int i = 0; i < 5; i++) {
        UUID more = UUID.randomUUID();
        sender.send(
            SelfDiagnosisCompleted.TOPIC,
            more.toString(),
            diagnosis(more, "47", List.of(List.of(1)), day.plusDays(1)));
      }
      // A diagnosis at the very start of July in Japan counts in July.
      UUID july = UUID.randomUUID();
      sender.send(
          SelfDiagnosisCompleted.TOPIC,
          july.toString(),
          diagnosis(july, "47", List.of(List.of(1)), OffsetDateTime.parse("2019-06-30T15:00:00Z")));
      sender.send(SelfDiagnosisCompleted.TOPIC, "bad", "{\"type\": 1}");
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                // get, not getLong: before the events are consumed there is no such item yet.
                Integer.valueOf(6)
                    .equals(
                        get("/demand?from=2019-06-01&to=2019-06-30")
                            .get("items.find { it.theme == 1 }.diagnoses")));
    JsonPath demand = get("/demand?from=2019-06-01&to=2019-06-30");
    assertEquals("47", demand.getString("items[0].prefecture"));
    assertEquals(1, demand.getInt("items[0].theme"));
    assertEquals(6, demand.getInt("items[0].diagnoses"));
    assertEquals(false, demand.getBoolean("items[0].suppressed"));
    // Theme 5 was needed once: the cell is too small to show.
    assertEquals(5, demand.getInt("items[1].theme"));
    assertNull(demand.get("items[1].diagnoses"));
    assertEquals(true, demand.getBoolean("items[1].suppressed"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> get("/demand/monthly?from=2019-07&to=2019-07").getList("items").size() == 1);
    JsonPath monthly = get("/demand/monthly?from=2019-06&to=2019-07");
    assertEquals(5, monthly.getInt("minimumCell"));
    assertEquals(List.of("2019-06", "2019-06", "2019-07"), monthly.getList("items.month"));
    assertEquals(6, monthly.getInt("items[0].diagnoses"));
    assertEquals(true, monthly.getBoolean("items[1].suppressed"));
    assertNull(monthly.get("items[2].diagnoses"));
    assertEquals(0, get("/demand/monthly?from=2019-01&to=2019-03").getList("items").size());
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
    for (String path : List.of("/listings", "/demand", "/demand/monthly", "/inquiries")) {
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
