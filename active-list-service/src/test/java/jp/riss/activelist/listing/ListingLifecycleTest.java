package jp.riss.activelist.listing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListingLifecycleTest {

  @Test
  void draftIsPrivateUntilAReviewerPublishesIt() {
    String number = Listings.uniqueRegistrationNumber();
    String id = Listings.createDraft("spec-a", number);

    given().get(Listings.PATH + "/" + id).then().statusCode(404);
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", "spec-a"))
        .get(Listings.PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"))
        .body("selfDeclared.prefectures", contains("13", "14"));

    Listings.publish(id);

    given()
        .filter(Contracts.validator())
        .get(Listings.PATH + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("status", equalTo("PUBLISHED"))
        .body("registrationNumber", equalTo(number))
        .body("publishedAt", notNullValue());
  }

  @Test
  void publishingAndWithdrawingEmitSchemaValidEventsKeyedByListing() {
    String id = Listings.createDraft("spec-b", Listings.uniqueRegistrationNumber());
    Listings.publish(id);
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", "spec-b"))
        .post(Listings.PATH + "/" + id + "/withdraw")
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));

    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), ListingChanged.TOPIC)) {
      JsonNode published =
          log.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && ListingChanged.PUBLISHED.equals(e.path("type").asText()),
              Duration.ofSeconds(10));
      JsonNode withdrawn =
          log.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && ListingChanged.WITHDRAWN.equals(e.path("type").asText()),
              Duration.ofSeconds(10));
      assertEquals("PUBLISHED", published.path("data").path("status").asText());
      assertEquals("WITHDRAWN", withdrawn.path("data").path("status").asText());
      assertTrue(
          withdrawn.path("data").path("version").asLong()
              > published.path("data").path("version").asLong());
      List<String> typesInPartitionOrder =
          log.records().stream()
              .filter(r -> id.equals(r.key()))
              .map(r -> EventJson.read(r.value()).type())
              .toList();
      assertEquals(
          List.of(ListingChanged.PUBLISHED, ListingChanged.WITHDRAWN),
          typesInPartitionOrder,
          "events of one listing keep their order");
      log.records().stream()
          .filter(r -> r.value().contains(id))
          .forEach(
              r -> {
                assertEquals(id, r.key(), "record key is the listing id");
                assertEquals(
                    java.util.Set.of(), EventSchemas.violations(ListingChanged.SCHEMA, r.value()));
              });
    }
  }

  @Test
  void onlyTheOwnerMayWithdrawAndOthersCannotTellTheListingExists() {
    String id = Listings.createDraft("spec-c", Listings.uniqueRegistrationNumber());
    Listings.publish(id);

    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "someone-else"))
        .post(Listings.PATH + "/" + id + "/withdraw")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .get(Listings.PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"));
  }

  @Test
  void aRegistrationNumberHasOneListingAndItsOwnerLearnsWhichOne() {
    String number = Listings.uniqueRegistrationNumber();
    String id = Listings.createDraft("spec-d", number);

    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", "spec-d"))
        .contentType(ContentType.JSON)
        .body(Listings.body(number))
        .post(Listings.PATH)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/listing-exists"))
        .body("existingListingId", equalTo(id));
  }

  @Test
  void publishingTwiceIsAConflictNotASecondEvent() {
    String id = Listings.createDraft("spec-e", Listings.uniqueRegistrationNumber());
    Listings.publish(id);
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-reviewer", "reviewer-1"))
        .post(Listings.PATH + "/" + id + "/approve")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/invalid-transition"));
  }
}
