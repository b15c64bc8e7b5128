package jp.riss.activelist.search;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.riss.activelist.listing.Listings;
import jp.riss.activelist.registry.RegistrationFacts;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;

/**
 * Creates and publishes listings through the API, each carrying a marker word in its
 * self-introduction, so a test searches (q=marker) among its own listings only while other tests'
 * listings share the database.
 */
final class PublishedListingFixtures {

  static final String LISTINGS = "/api/v1/active-list/listings";

  private PublishedListingFixtures() {}

  /** A word no other test's listing contains (ASCII, so it folds to itself). */
  static String marker() {
    StringBuilder word = new StringBuilder("zq");
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }

  /** A complete declaration mentioning {@code marker}; tests replace what they look for. */
  static Map<String, Object> declared(String marker, Object... keysAndValues) {
    Map<String, Object> declared = new LinkedHashMap<>();
    declared.put("displayName", "検索 太郎");
    declared.put("displayNameKana", "けんさく たろう");
    declared.put("affiliation", Map.of("kind", "INDEPENDENT"));
    declared.put("prefectures", List.of("13"));
    declared.put("onlineNationwide", false);
    declared.put("engagementLengths", List.of("spot"));
    declared.put("firstConsultationFree", false);
    declared.put("formats", List.of(Map.of("format", "on-site", "feePerSessionJpy", 30000)));
    declared.put("themes", List.of(1));
    declared.put("syllabusItems", List.of());
    declared.put("industries", List.of("E"));
    declared.put("qualifications", List.of());
    declared.put("otherQualifications", List.of());
    declared.put("selfIntroduction", "中小企業の支援をしています。" + marker);
    declared.put("trackRecords", List.of());
    declared.put("availability", Map.of("status", "ACCEPTING"));
    declared.put("capacity", 3);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      declared.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return declared;
  }

  static String owner(String id) {
    return "search-owner-" + id;
  }

  /** Creates a draft as {@code owner} and publishes it; returns its id. */
  static String publish(String owner, Map<String, Object> declared) {
    String id = create(owner, declared);
    publishDraft(owner, id);
    return id;
  }

  /** Through the review flow: pledge, submission, approval (registry facts came with create). */
  static void publishDraft(String owner, String id) {
    Listings.ownedBy(id, owner);
    Listings.publish(id);
  }

  static String create(String owner, Map<String, Object> declared) {
    while (true) {
      String number = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
      // Only the holder IPA's registry binds to the number may list it.
      RegistrationFacts.bind(number, owner);
      Response created =
          given()
              .filter(Contracts.validator())
              .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
              .contentType(ContentType.JSON)
              .body(Map.of("registrationNumber", number, "selfDeclared", declared))
              .post(LISTINGS);
      if (created.statusCode() == 409) {
        continue; // the random registration number is taken: draw another
      }
      created.then().statusCode(201);
      return created.path("id");
    }
  }

  /**
   * The ids of one search, in order (anonymous). Only the response is checked against the contract:
   * the request validator does not read OpenAPI 3.1 array parameters, so it refuses a repeated
   * {@code theme} the contract allows.
   */
  static List<String> ids(String query) {
    return given()
        .filter(Contracts.responseValidator())
        .get(LISTINGS + "?" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id", String.class);
  }
}
