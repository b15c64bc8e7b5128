package jp.riss.activelist.listing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.changes.AvailabilityEnds;
import jp.riss.activelist.changes.CrmListings;
import jp.riss.activelist.inquiry.Matching;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.Test;

/**
 * A reader trusts what a listing says about taking inquiries, wherever they read it: the listing,
 * search, the CRM change feed and the listing events all show the availability that applies today.
 */
@QuarkusTest
class EffectiveAvailabilityTest {

  @Inject AgroalDataSource dataSource;
  @Inject AvailabilityEnds availabilityEnds;

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  @Test
  void aNotAcceptingUntilThatHasEndedShowsAcceptingEverywhere() {
    String name = "可用 " + tag();
    String ended =
        Matching.publishedListing(
            "avail-ended-" + tag(),
            "displayName",
            name,
            "availability",
            Map.of("status", "NOT_ACCEPTING", "until", TODAY.minusDays(1).toString()));
    String running =
        Matching.publishedListing(
            "avail-running-" + tag(),
            "displayName",
            name,
            "availability",
            Map.of("status", "NOT_ACCEPTING", "until", TODAY.plusDays(1).toString()));

    listing(ended)
        .body("availability.status", equalTo("ACCEPTING"))
        .body("availability.until", nullValue())
        .body("selfDeclared.availability.status", equalTo("NOT_ACCEPTING"));
    listing(running)
        .body("availability.status", equalTo("NOT_ACCEPTING"))
        .body("availability.until", equalTo(TODAY.plusDays(1).toString()));

    assertEquals("ACCEPTING", searched(name, ended).get("status"));
    assertEquals("NOT_ACCEPTING", searched(name, running).get("status"));

    assertEquals("ACCEPTING", feedAvailability(null, ended).get("status"));
    assertEquals("NOT_ACCEPTING", feedAvailability(null, running).get("status"));
  }

  @Test
  void whenANotAcceptingUntilEndsTheFeedAndTheEventsSayAcceptingAgain() throws Exception {
    String id =
        Matching.publishedListing(
            "avail-ends-" + tag(),
            "availability",
            Map.of("status", "NOT_ACCEPTING", "until", TODAY.toString()));
    assertEquals("NOT_ACCEPTING", feedAvailability(null, id).get("status"));
    String cursor = CrmListings.cursorNow();

    Listings.dayPassed(dataSource, id);
    listing(id).body("availability.status", equalTo("ACCEPTING"));
    availabilityEnds.run();

    Map<String, Object> entry = latestFeedEntry(cursor, id);
    assertEquals("ACCEPTING", availabilityOf(entry).get("status"));
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), "activelist.listing.v1")) {
      log.awaitEvent(
          e ->
              id.equals(e.path("subject").asText())
                  && "jp.riss.activelist.listing.changed".equals(e.path("type").asText())
                  && "ACCEPTING".equals(e.path("data").path("availability").asText()),
          Duration.ofSeconds(15));
    }
    // Once told, the feed is not told again.
    String told = CrmListings.cursorNow();
    availabilityEnds.run();
    assertEquals(List.of(), CrmListings.entriesOf(told, id));
  }

  @Test
  void reachingCapacityIsAPublicChangeAndLeavingItToo() {
    String name = "満杯 " + tag();
    String owner = "avail-full-" + tag();
    String id = Matching.publishedListing(owner, "displayName", name, "capacity", 1);
    Map<String, Object> before = latestFeedEntry(null, id);
    String cursor = CrmListings.cursorNow();

    String inquiry = Matching.sent("avail-co-" + tag(), id, false);

    listing(id).body("availability.status", equalTo("AT_CAPACITY"));
    assertEquals("AT_CAPACITY", searched(name, id).get("status"));
    Map<String, Object> full = latestFeedEntry(cursor, id);
    assertEquals("UPSERT", full.get("kind"));
    assertEquals("AT_CAPACITY", availabilityOf(full).get("status"));
    assertTrue(revision(full) > revision(before), "a new public revision");

    String fullCursor = CrmListings.cursorNow();
    Matching.act("specialist", owner, inquiry, "decline", Map.of("reason", "fully-booked"))
        .statusCode(200);
    listing(id).body("availability.status", equalTo("ACCEPTING"));
    assertEquals("ACCEPTING", searched(name, id).get("status"));
    Map<String, Object> free = latestFeedEntry(fullCursor, id);
    assertEquals("ACCEPTING", availabilityOf(free).get("status"));
    assertTrue(revision(free) > revision(full));

    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), "activelist.listing.v1")) {
      JsonNode atCapacity =
          log.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && "jp.riss.activelist.listing.changed".equals(e.path("type").asText())
                      && "AT_CAPACITY".equals(e.path("data").path("availability").asText()),
              Duration.ofSeconds(15));
      assertEquals(revision(full), atCapacity.path("data").path("revision").asLong());
      log.awaitEvent(
          e ->
              id.equals(e.path("subject").asText())
                  && "ACCEPTING".equals(e.path("data").path("availability").asText())
                  && e.path("data").path("revision").asLong() == revision(free),
          Duration.ofSeconds(15));
      log.records().stream()
          .filter(r -> id.equals(r.key()))
          .forEach(
              r ->
                  assertEquals(
                      Set.of(), EventSchemas.violations("activelist.listing.v1", r.value())));
    }
  }

  private static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static io.restassured.response.ValidatableResponse listing(String id) {
    return given()
        .filter(Contracts.validator())
        .get(Listings.PATH + "/" + id)
        .then()
        .statusCode(200);
  }

  /** The availability search shows for the listing, once the index has it. */
  private static Map<String, Object> searched(String name, String id) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              JsonPath page =
                  given()
                      .filter(Contracts.validator())
                      .queryParam("q", name)
                      .queryParam("limit", 100)
                      .get(Listings.PATH)
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              List<Map<String, Object>> items = page.getList("items");
              return items.stream()
                  .filter(i -> id.equals(i.get("id")))
                  .map(EffectiveAvailabilityTest::availabilityOfSummary)
                  .findFirst()
                  .orElse(null);
            },
            a -> a != null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> availabilityOfSummary(Map<String, Object> summary) {
    return (Map<String, Object>) summary.get("availability");
  }

  private static Map<String, Object> feedAvailability(String cursor, String id) {
    return availabilityOf(latestFeedEntry(cursor, id));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> availabilityOf(Map<String, Object> entry) {
    Map<String, Object> listing = (Map<String, Object>) entry.get("listing");
    Map<String, Object> availability = (Map<String, Object>) listing.get("availability");
    if (availability == null) {
      throw new AssertionError("the feed entry shows no availability: " + listing.keySet());
    }
    return availability;
  }

  @SuppressWarnings("unchecked")
  private static long revision(Map<String, Object> entry) {
    Object revision = ((Map<String, Object>) entry.get("listing")).get("revision");
    if (revision == null) {
      throw new AssertionError("the feed entry carries no public revision");
    }
    return ((Number) revision).longValue();
  }

  private static Map<String, Object> latestFeedEntry(String cursor, String id) {
    List<Map<String, Object>> entries = CrmListings.entriesOf(cursor, id);
    if (entries.isEmpty()) {
      throw new AssertionError("no feed entry for listing " + id + " after " + cursor);
    }
    return entries.get(entries.size() - 1);
  }
}
