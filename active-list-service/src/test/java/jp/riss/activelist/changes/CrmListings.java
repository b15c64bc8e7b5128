package jp.riss.activelist.changes;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.riss.activelist.listing.Listings;
import jp.riss.activelist.registry.RegistrationFacts;
import jp.riss.platform.testing.Tokens;

/**
 * Drives listings through the public API, as the specialists and reviewers whose work a CRM syncs.
 */
public final class CrmListings {

  public static final String LISTINGS = "/api/v1/active-list/listings";
  public static final String CHANGES = "/api/v1/active-list/changes";

  private CrmListings() {}

  public static Map<String, Object> declared(String name, boolean contactPublic) {
    Map<String, Object> declared = new LinkedHashMap<>();
    declared.put("displayName", name);
    declared.put("affiliation", Map.of("kind", "INDEPENDENT"));
    declared.put("prefectures", List.of("26"));
    declared.put("themes", List.of(2));
    declared.put("formats", List.of(Map.of("format", "online", "feePerSessionJpy", 15000)));
    declared.put(
        "contact",
        Map.of(
            "email", "crm@example.jp", "phone", "075-123-4567", "publiclyVisible", contactPublic));
    declared.put("availability", Map.of("status", "ACCEPTING"));
    return declared;
  }

  /** IPA's registry binds a new number to the owner first: a listing needs a number it holds. */
  public static String draft(String owner, String name, boolean contactPublic) {
    String number = Listings.uniqueRegistrationNumber();
    RegistrationFacts.bind(number, owner);
    return given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
        .contentType(ContentType.JSON)
        .body(Map.of("registrationNumber", number, "selfDeclared", declared(name, contactPublic)))
        .post(LISTINGS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String published(String owner, String name, boolean contactPublic) {
    String id = draft(owner, name, contactPublic);
    Listings.ownedBy(id, owner);
    Listings.publish(id);
    return id;
  }

  public static void rename(String owner, String id, String name, boolean contactPublic) {
    String etag =
        given()
            .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
            .get(LISTINGS + "/" + id)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(declared(name, contactPublic))
        .put(LISTINGS + "/" + id)
        .then()
        .statusCode(200);
  }

  public static void withdraw(String owner, String id) {
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
        .post(LISTINGS + "/" + id + "/withdraw")
        .then()
        .statusCode(200);
  }

  /** What a CRM read from a cursor until caught up, and where it continues. */
  public record FeedRead(List<Map<String, Object>> entries, String cursor) {
    /** The entries of one listing, in feed order. */
    public List<Map<String, Object>> of(String listingId) {
      return entries.stream().filter(e -> listingId.equals(e.get("listingId"))).toList();
    }
  }

  /** Reads the feed from {@code cursor} (null: the snapshot onwards) until caught up. */
  public static FeedRead read(String cursor) {
    ChangeFeedTest.Read read = ChangeFeedTest.readUntilCaughtUp(cursor, 500);
    return new FeedRead(read.entries(), read.cursor());
  }

  /** Where a CRM that has read everything committed so far continues from. */
  public static String cursorNow() {
    return read(null).cursor();
  }

  /** A listing's feed entries a CRM reads from {@code cursor} (null: the snapshot onwards). */
  public static List<Map<String, Object>> entriesOf(String cursor, String listingId) {
    return read(cursor).of(listingId);
  }
}
