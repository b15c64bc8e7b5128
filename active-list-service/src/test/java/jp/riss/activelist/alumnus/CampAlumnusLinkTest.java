package jp.riss.activelist.alumnus;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.changes.CrmListings;
import jp.riss.activelist.listing.Listings;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.EventSender;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A Security Camp alumnus link from the community: pending until the listing's owner confirms it
 * with their own token, then a verified fact of the listing with a change-feed entry and a new
 * revision; withdrawn by either side, it leaves the listing and the feed says so. The community's
 * events are sent as that service produces them and checked against its own schema file.
 */
@QuarkusTest
public class CampAlumnusLinkTest {

  public static final String LINKS = "/api/v1/active-list/alumnus-links";

  public static RequestSpecification specialist(String subject) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", subject));
  }

  /** The community's event, checked against the producer's schema, sent twice (redelivery). */
  public static String community(String type, UUID link, String number, String change) {
    CloudEvent event =
        EventSource.of("camp-community-service")
            .create(
                type,
                link.toString(),
                CommunityLinkRequest.TOPIC,
                new CommunityLinkRequest(
                    link,
                    number,
                    "national",
                    "セキュリティ・キャンプ全国大会",
                    2024,
                    change,
                    OffsetDateTime.now()));
    String json = EventJson.write(event);
    assertEquals(Set.of(), EventSchemas.violations("community.alumnus-link.v1", json));
    try (EventSender sender = new EventSender()) {
      sender.send(CommunityLinkRequest.TOPIC, link.toString(), json);
      sender.send(CommunityLinkRequest.TOPIC, link.toString(), json);
    }
    return event.id();
  }

  @Inject AgroalDataSource dataSource;

  /** Whether the inbox recorded the event as handled. */
  boolean handled(String eventId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT count(*) FROM inbox WHERE event_id = ?::uuid")) {
      q.setString(1, eventId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }
  }

  public static List<String> linksOf(String owner) {
    return specialist(owner).get(LINKS).then().statusCode(200).extract().path("items.linkId");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> campAlumnus(String listingId) {
    Map<String, Object> verified =
        given()
            .get(Listings.PATH + "/" + listingId)
            .then()
            .statusCode(200)
            .extract()
            .path("verified");
    return (Map<String, Object>) verified.get("campAlumnus");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> lastFeedListing(String cursor, String listingId) {
    List<Map<String, Object>> entries = CrmListings.entriesOf(cursor, listingId);
    assertTrue(!entries.isEmpty(), "a feed entry for the listing");
    Map<String, Object> last = entries.get(entries.size() - 1);
    assertEquals("UPSERT", last.get("kind"));
    return (Map<String, Object>) last.get("listing");
  }

  @Test
  void confirmedByTheOwnerItShowsAsAVerifiedFactUntilTheAlumnusWithdraws() {
    String owner = "alumnus-" + UUID.randomUUID();
    String number = Listings.uniqueRegistrationNumber();
    String listing = Listings.createDraft(owner, number);
    Listings.publish(listing);
    UUID link = UUID.randomUUID();
    community(CommunityLinkRequest.REQUESTED, link, number, "requested");
    await().atMost(Duration.ofSeconds(30)).until(() -> linksOf(owner).contains(link.toString()));
    // Pending: nothing shows yet; another specialist neither sees nor confirms it.
    assertNull(campAlumnus(listing));
    assertTrue(!linksOf("someone-else").contains(link.toString()));
    specialist("someone-else").post(LINKS + "/" + link + "/confirmation").then().statusCode(404);

    String cursor = CrmListings.cursorNow();
    long revisionBefore = ((Number) lastFeedListing(null, listing).get("revision")).longValue();
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), AlumnusLinkDecided.TOPIC)) {
      specialist(owner)
          .post(LINKS + "/" + link + "/confirmation")
          .then()
          .statusCode(200)
          .body("state", equalTo("confirmed"));
      JsonNode decided =
          log.awaitEvent(
              e -> link.toString().equals(e.path("subject").asText()), Duration.ofSeconds(20));
      assertEquals(AlumnusLinkDecided.CONFIRMED, decided.path("type").asText());
      assertEquals(
          Set.of(), EventSchemas.violations(AlumnusLinkDecided.SCHEMA, decided.toString()));
    }
    Map<String, Object> shown = campAlumnus(listing);
    assertNotNull(shown, "the confirmed link is a verified fact of the listing");
    assertEquals(
        List.of(
            Map.of(
                "programme", "national", "programmeNameJa", "セキュリティ・キャンプ全国大会", "fiscalYear", 2024)),
        shown.get("completions"));
    assertEquals("camp-community-service", shown.get("source"));
    Map<String, Object> inFeed = lastFeedListing(cursor, listing);
    @SuppressWarnings("unchecked")
    Map<String, Object> verified = (Map<String, Object>) inFeed.get("verified");
    assertNotNull(verified.get("campAlumnus"));
    assertTrue(((Number) inFeed.get("revision")).longValue() > revisionBefore, "a revision bump");
    specialist(owner).post(LINKS + "/" + link + "/confirmation").then().statusCode(409);

    // The alumnus withdraws in the community: gone from the listing and the feed says so.
    String beforeWithdrawal = CrmListings.cursorNow();
    community(CommunityLinkRequest.WITHDRAWN, link, number, "withdrawn");
    await().atMost(Duration.ofSeconds(30)).until(() -> campAlumnus(listing) == null);
    @SuppressWarnings("unchecked")
    Map<String, Object> after =
        (Map<String, Object>) lastFeedListing(beforeWithdrawal, listing).get("verified");
    assertNull(after.get("campAlumnus"));
    assertTrue(!linksOf(owner).contains(link.toString()));
  }

  @Test
  void theOwnerWithdrawsAndTheCommunityIsTold() {
    String owner = "alumnus-" + UUID.randomUUID();
    String number = Listings.uniqueRegistrationNumber();
    String listing = Listings.createDraft(owner, number);
    Listings.publish(listing);
    UUID link = UUID.randomUUID();
    community(CommunityLinkRequest.REQUESTED, link, number, "requested");
    await().atMost(Duration.ofSeconds(30)).until(() -> linksOf(owner).contains(link.toString()));
    specialist(owner).post(LINKS + "/" + link + "/confirmation").then().statusCode(200);
    assertNotNull(campAlumnus(listing));
    String cursor = CrmListings.cursorNow();
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), AlumnusLinkDecided.TOPIC)) {
      specialist("someone-else").post(LINKS + "/" + link + "/withdrawal").then().statusCode(404);
      specialist(owner)
          .post(LINKS + "/" + link + "/withdrawal")
          .then()
          .statusCode(200)
          .body("state", equalTo("withdrawn"));
      JsonNode withdrawn =
          log.awaitEvent(
              e ->
                  link.toString().equals(e.path("subject").asText())
                      && AlumnusLinkDecided.WITHDRAWN.equals(e.path("type").asText()),
              Duration.ofSeconds(20));
      assertEquals(
          Set.of(), EventSchemas.violations(AlumnusLinkDecided.SCHEMA, withdrawn.toString()));
    }
    assertNull(campAlumnus(listing));
    @SuppressWarnings("unchecked")
    Map<String, Object> verified =
        (Map<String, Object>) lastFeedListing(cursor, listing).get("verified");
    assertNull(verified.get("campAlumnus"));
  }

  @Test
  void aWithdrawalArrivingBeforeItsRequestKeepsTheLinkOut() {
    String owner = "alumnus-" + UUID.randomUUID();
    String number = Listings.uniqueRegistrationNumber();
    String listing = Listings.createDraft(owner, number);
    Listings.publish(listing);
    UUID late = UUID.randomUUID();
    community(CommunityLinkRequest.WITHDRAWN, late, number, "withdrawn");
    String request = community(CommunityLinkRequest.REQUESTED, late, number, "requested");
    await().atMost(Duration.ofSeconds(30)).until(() -> handled(request));
    assertTrue(!linksOf(owner).contains(late.toString()));
    specialist(owner).post(LINKS + "/" + late + "/confirmation").then().statusCode(409);
    assertNull(campAlumnus(listing));
  }

  @Test
  void badIdsAreProblems() {
    specialist("x").post(LINKS + "/not-a-uuid/confirmation").then().statusCode(400);
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", "x"))
        .get(LINKS + "?state=pending")
        .then()
        .statusCode(400);
  }
}
