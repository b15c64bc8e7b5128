package jp.riss.activelist.listing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The owner keeps their listing current; If-Match makes concurrent edits safe. */
@QuarkusTest
class ListingUpdateTest {

  private static final Map<String, Object> CHANGES =
      Listings.selfDeclared(
          "displayName", "情報 太郎（更新）", "prefectures", List.of("27", "13"), "themes", List.of(5));

  private static io.restassured.response.ValidatableResponse put(
      String owner, String id, String ifMatch, Object body) {
    var request =
        given()
            // Leaving out the If-Match the contract requires is one of the cases sent on purpose.
            .filter(ifMatch == null ? Contracts.responseValidator() : Contracts.validator())
            .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
            .contentType(ContentType.JSON)
            .body(body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.put(Listings.PATH + "/" + id).then();
  }

  private static String etagOf(String owner, String id) {
    return given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
        .get(Listings.PATH + "/" + id)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  @Test
  void theOwnerEditsWithTheETagTheyRead() {
    String id = Listings.createDraft("upd-a", Listings.uniqueRegistrationNumber());
    String etag = etagOf("upd-a", id);

    String next =
        put("upd-a", id, etag, CHANGES)
            .statusCode(200)
            .body("selfDeclared.displayName", equalTo("情報 太郎（更新）"))
            .body("selfDeclared.prefectures", contains("13", "27"))
            .body("selfDeclared.themes", contains(5))
            .extract()
            .header("ETag");
    assertEquals(false, etag.equals(next), "each edit is a new version");
  }

  @Test
  void withoutIfMatchTheAnswerIs428NamingTheHeader() {
    String id = Listings.createDraft("upd-b", Listings.uniqueRegistrationNumber());
    put("upd-b", id, null, CHANGES)
        .statusCode(428)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("If-Match"));
  }

  @Test
  void aStaleETagIs412AndTheStoredListingIsUnchanged() {
    String id = Listings.createDraft("upd-c", Listings.uniqueRegistrationNumber());
    String first = etagOf("upd-c", id);
    String second = put("upd-c", id, first, CHANGES).statusCode(200).extract().header("ETag");

    put(
            "upd-c",
            id,
            first,
            Listings.selfDeclared("displayName", "上書き", "prefectures", List.of("01")))
        .statusCode(412)
        .body("type", equalTo("https://riss.example/problems/precondition-failed"))
        .body("currentETag", equalTo(second));
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "upd-c"))
        .get(Listings.PATH + "/" + id)
        .then()
        .body("selfDeclared.displayName", equalTo("情報 太郎（更新）"));
  }

  @Test
  void nobodyElseCanEditAListingNorLearnThatItExists() {
    String id = Listings.createDraft("upd-d", Listings.uniqueRegistrationNumber());
    put("intruder", id, etagOf("upd-d", id), CHANGES).statusCode(404);
  }

  @Test
  void invalidChangesAreNamedAndStoreNothing() {
    String id = Listings.createDraft("upd-e", Listings.uniqueRegistrationNumber());
    String etag = etagOf("upd-e", id);
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "upd-e"))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Listings.selfDeclared("displayName", "", "prefectures", List.of("99")))
        .put(Listings.PATH + "/" + id)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("displayName"));
    assertEquals(etag, etagOf("upd-e", id));
  }

  @Test
  void editingAPublishedListingEmitsAChangedEvent() {
    String id = Listings.createDraft("upd-f", Listings.uniqueRegistrationNumber());
    Listings.publish(id);
    put("upd-f", id, etagOf("upd-f", id), CHANGES).statusCode(200);

    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), ListingChanged.TOPIC)) {
      JsonNode changed =
          log.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && ListingChanged.CHANGED.equals(e.path("type").asText()),
              Duration.ofSeconds(10));
      assertEquals("27", changed.path("data").path("prefectures").path(1).asText());
      // The groups of verified facts travel with it (the guide shows them beside a specialist).
      assertEquals(
          "registration",
          changed.path("data").path("verified").path(0).asText(),
          changed.toString());
      assertEquals(Set.of(), EventSchemas.violations(ListingChanged.SCHEMA, changed.toString()));
    }
  }
}
