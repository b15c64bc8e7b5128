package jp.riss.community.achievement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/**
 * Achievements from draft to the public showcase and out again: review, every named alumnus'
 * consent (a minor's guardian's `publication` too), per-field disclosure, and the change feed's
 * upserts and tombstones when an item is withdrawn or a consent or guardian scope is.
 */
@QuarkusTest
class AchievementShowcaseTest {

  static final String A = CommunityApi.BASE + "/achievements";
  static final String SHOWCASE = CommunityApi.BASE + "/showcase";
  static final String FEED = SHOWCASE + "/changes";

  /** An adult member who turned `publication` on in their own settings. */
  static Person publishingAdult(int age) {
    Person p = CommunityApi.enrolled(age);
    List<String> scopes = new ArrayList<>(List.of("membership", "groups", "publication"));
    CommunityApi.member(p)
        .contentType(ContentType.JSON)
        .body(Map.of("scopes", scopes))
        .put(CommunityApi.ME + "/settings")
        .then()
        .statusCode(200);
    return p;
  }

  static Map<String, Object> draft(String title, List<String> named) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "achievement");
    body.put("category", "new-technology");
    body.put("audience", "public");
    body.put("title", title);
    body.put("body", "修了後に開発したファジング基盤を公開しました。");
    body.put("namedMemberIds", named);
    return body;
  }

  static String create(Person author, Map<String, Object> body) {
    return CommunityApi.member(author)
        .contentType(ContentType.JSON)
        .body(body)
        .post(A)
        .then()
        .statusCode(201)
        .body("state", equalTo("draft"))
        .extract()
        .path("id");
  }

  static void consent(Person p, String id, String decision, List<String> fields) {
    CommunityApi.member(p)
        .contentType(ContentType.JSON)
        .body(Map.of("decision", decision, "fields", fields))
        .put(A + "/" + id + "/consents/me")
        .then()
        .statusCode(200);
  }

  /** Submitted, accepted and published by the camp office. */
  static void submitReviewPublish(Person author, String id) {
    CommunityApi.member(author).post(A + "/" + id + "/submission").then().statusCode(200);
    CommunityApi.office()
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", "accept"))
        .post(A + "/" + id + "/review")
        .then()
        .statusCode(200)
        .body("state", equalTo("reviewed"));
    CommunityApi.office()
        .post(A + "/" + id + "/publication")
        .then()
        .statusCode(200)
        .body("state", equalTo("published"));
  }

  /** The showcase item with this id, following every page, or null. */
  static Map<String, Object> inShowcase(String id) {
    String next = SHOWCASE + "?limit=100";
    while (next != null) {
      JsonPath page =
          given()
              .filter(Contracts.validator())
              .get(next)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> items = page.getList("items");
      for (Map<String, Object> item : items) {
        if (id.equals(item.get("id"))) {
          return item;
        }
      }
      next = page.getString("next");
    }
    return null;
  }

  /** Every feed entry after this point about the item: kind per entry, in order. */
  static List<Map<String, Object>> feedAbout(String cursor, String id) {
    List<Map<String, Object>> about = new ArrayList<>();
    String next = FEED + "?limit=500&cursor=" + cursor;
    while (true) {
      JsonPath page =
          given()
              .filter(Contracts.validator())
              .get(next)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> items = page.getList("items");
      for (Map<String, Object> e : items) {
        if (id.equals(e.get("itemId"))) {
          about.add(e);
        }
      }
      next = page.getString("next");
      if (page.getBoolean("caughtUp")) {
        return about;
      }
    }
  }

  /** The cursor at the feed's head now (after the snapshot). */
  static String feedCursor() {
    String next = FEED + "?limit=500";
    while (true) {
      JsonPath page = given().get(next).then().statusCode(200).extract().jsonPath();
      next = page.getString("next");
      if (page.getBoolean("caughtUp")) {
        return page.getString("cursor");
      }
    }
  }

  @Test
  void publishedWithEveryConsentThenGoneWhenTheGuardianRevokesPublication() {
    Person author = publishingAdult(30);
    Person colleague = publishingAdult(35);
    Person minor = CommunityApi.minorWith(16, "membership", "publication");
    String name = "活躍" + author.personRef().substring(author.personRef().length() - 6);
    setName(author, name, "13");
    setName(minor, "未成年" + name, "27");
    String cursor = feedCursor();

    String id =
        create(
            author, draft("脆弱性診断ツールの開発 " + name, List.of(colleague.memberId(), minor.memberId())));
    CommunityApi.member(author).post(A + "/" + id + "/submission").then().statusCode(200);
    CommunityApi.office()
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", "accept"))
        .post(A + "/" + id + "/review")
        .then()
        .statusCode(200);
    // Not every named alumnus consented: no publication.
    CommunityApi.office()
        .post(A + "/" + id + "/publication")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/consents-missing"));

    // A minor's region and school never appear publicly: refused, naming the field.
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + minor.token())
        .contentType(ContentType.JSON)
        .body(Map.of("decision", "grant", "fields", List.of("display-name", "prefecture")))
        .put(A + "/" + id + "/consents/me")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("fields[1]"));

    consent(author, id, "grant", List.of("display-name", "programme-year", "prefecture"));
    consent(colleague, id, "grant", List.of());
    consent(minor, id, "grant", List.of("display-name"));
    CommunityApi.office().post(A + "/" + id + "/publication").then().statusCode(200);

    Map<String, Object> item = inShowcase(id);
    assertNotNull(item, "the published item is in the showcase");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> alumni = (List<Map<String, Object>>) item.get("alumni");
    assertEquals(3, alumni.size());
    assertEquals(name, alumni.get(0).get("displayName"));
    assertEquals("13", alumni.get(0).get("prefecture"));
    assertEquals(
        List.of(Map.of("programme", "national", "fiscalYear", 2024)),
        alumni.get(0).get("completions"));
    assertTrue(alumni.stream().anyMatch(Map::isEmpty), "the colleague consented to no detail");
    assertTrue(
        alumni.stream().anyMatch(a -> ("未成年" + name).equals(a.get("displayName")) && a.size() == 1),
        "of the minor only the consented name");
    String body = given().get(SHOWCASE + "?limit=100").asString();
    for (String secret :
        List.of(author.memberId(), minor.memberId(), colleague.memberId(), minor.email(), "27")) {
      assertFalse(body.contains("\"" + secret + "\""), "the showcase shows " + secret);
    }

    // The guardian revokes publication: the item leaves at once and is tombstoned.
    CommunityApi.member(minor).post(CommunityApi.ME + "/guardian-links").then().statusCode(202);
    CommunityApi.guardianDecides(minor, Map.of("publication", "refuse"));
    assertNull(inShowcase(id), "gone from the showcase once the guardian revoked publication");
    List<Map<String, Object>> entries = feedAbout(cursor, id);
    assertEquals(List.of("UPSERT", "TOMBSTONE"), entries.stream().map(e -> e.get("kind")).toList());
    assertNull(entries.get(1).get("item"));
  }

  @Test
  void withdrawalAndAWithdrawnConsentEachTombstoneTheItem() {
    Person author = publishingAdult(41);
    Person other = publishingAdult(42);
    String cursor = feedCursor();
    String first = create(author, draft("取り下げる成果", List.of()));
    consent(author, first, "grant", List.of("programme-year"));
    submitReviewPublish(author, first);
    String second = create(author, draft("同意が撤回される成果", List.of(other.memberId())));
    consent(author, second, "grant", List.of());
    consent(other, second, "grant", List.of("display-name"));
    submitReviewPublish(author, second);
    assertNotNull(inShowcase(first));
    assertNotNull(inShowcase(second));

    CommunityApi.member(author)
        .post(A + "/" + first + "/withdrawal")
        .then()
        .statusCode(200)
        .body("state", equalTo("withdrawn"));
    consent(other, second, "withdraw", List.of());
    assertNull(inShowcase(first));
    assertNull(inShowcase(second));
    assertEquals(
        List.of("UPSERT", "TOMBSTONE"),
        feedAbout(cursor, first).stream().map(e -> e.get("kind")).toList());
    assertEquals(
        List.of("UPSERT", "TOMBSTONE"),
        feedAbout(cursor, second).stream().map(e -> e.get("kind")).toList());
    // The snapshot of a new reader does not hold them.
    JsonPath snapshot =
        given().get(FEED + "?limit=500").then().statusCode(200).extract().jsonPath();
    assertFalse(snapshot.getList("items.itemId").contains(first));
  }

  @Test
  void communityAudienceAndUnconsentedItemsNeverReachThePublic() {
    Person author = publishingAdult(33);
    Map<String, Object> body = draft("会員限定の報告", List.of());
    body.put("kind", "participation-report");
    body.remove("category");
    body.put("audience", "community");
    String internal = create(author, body);
    consent(author, internal, "grant", List.of("display-name"));
    submitReviewPublish(author, internal);
    assertNull(inShowcase(internal));
  }

  @Test
  void aMinorWithoutPublicationCannotConsentNorWrite() {
    Person author = publishingAdult(29);
    Person minor = CommunityApi.minorWith(15, "membership", "groups");
    String id = create(author, draft("後輩と共同で", List.of(minor.memberId())));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + minor.token())
        .contentType(ContentType.JSON)
        .body(Map.of("decision", "grant", "fields", List.of()))
        .put(A + "/" + id + "/consents/me")
        .then()
        .statusCode(403)
        .body("missingScope", equalTo("publication"));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + minor.token())
        .contentType(ContentType.JSON)
        .body(draft("書けない", List.of()))
        .post(A)
        .then()
        .statusCode(403)
        .body("missingScope", equalTo("publication"));
  }

  @Test
  void badInputNamesEveryField() {
    Person author = publishingAdult(31);
    Map<String, Object> body = new HashMap<>();
    body.put("kind", "novel");
    body.put("audience", "everyone");
    body.put("title", "あ".repeat(121));
    body.put("body", "");
    body.put("namedMemberIds", List.of("not-a-uuid", "00000000-0000-4000-8000-00000000dead"));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + author.token())
        .contentType(ContentType.JSON)
        .body(body)
        .post(A)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "violations.field",
            containsInAnyOrder(
                "kind", "audience", "title", "body", "namedMemberIds[0]", "namedMemberIds[1]"));
    // A control character is refused where the body is read, naming its path.
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + author.token())
        .contentType(ContentType.JSON)
        .body(draft("本文\u0000", List.of()))
        .post(A)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("title"));
    body = draft("カテゴリなし", List.of());
    body.remove("category");
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + author.token())
        .contentType(ContentType.JSON)
        .body(body)
        .post(A)
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("category"));
    String draftId = create(author, draft("差し戻し", List.of()));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + jp.riss.platform.testing.Tokens.of("camp-office", "o"))
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", "return"))
        .post(A + "/" + draftId + "/review")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("note"));
    // Only a submitted item is reviewed.
    CommunityApi.office()
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", "return", "note", "もう少し具体的に"))
        .post(A + "/" + draftId + "/review")
        .then()
        .statusCode(409);
    for (String query :
        List.of("?limit=0", "?limit=101", "?cursor=xyz", "?sort=new", "?limit=abc")) {
      given()
          .filter(Contracts.responseValidator())
          .get(SHOWCASE + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    for (String query : List.of("?limit=501", "?cursor=bm90LWEtY3Vyc29y", "?since=1")) {
      given()
          .filter(Contracts.responseValidator())
          .get(FEED + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
  }

  @Test
  void theShowcaseCarriesAnEtagAndAnswers304WhenUnchanged() {
    String etag = given().get(SHOWCASE).then().statusCode(200).extract().header("ETag");
    assertNotNull(etag);
    given().header("If-None-Match", etag).get(SHOWCASE).then().statusCode(304);
    Person author = publishingAdult(38);
    String id = create(author, draft("ETag が変わる", List.of()));
    consent(author, id, "grant", List.of());
    submitReviewPublish(author, id);
    given().header("If-None-Match", etag).get(SHOWCASE).then().statusCode(200);
  }

  @Test
  void onlyTheAuthorTheNamedAndTheOfficeSeeAnItem() {
    Person author = publishingAdult(36);
    Person named = publishingAdult(37);
    Person outsider = publishingAdult(39);
    String id = create(author, draft("見える範囲", List.of(named.memberId())));
    CommunityApi.member(named).get(A + "/" + id).then().statusCode(200);
    CommunityApi.office().get(A + "/" + id).then().statusCode(200);
    CommunityApi.member(outsider).get(A + "/" + id).then().statusCode(404);
    CommunityApi.member(outsider).post(A + "/" + id + "/withdrawal").then().statusCode(404);
    CommunityApi.member(outsider)
        .contentType(ContentType.JSON)
        .body(Map.of("decision", "grant", "fields", List.of()))
        .put(A + "/" + id + "/consents/me")
        .then()
        .statusCode(404);
    // Named, not the author: cannot submit, edit or withdraw the item.
    CommunityApi.member(named).post(A + "/" + id + "/submission").then().statusCode(403);
    CommunityApi.member(named).post(A + "/" + id + "/withdrawal").then().statusCode(403);
    List<String> mine =
        CommunityApi.member(named)
            .get(A + "?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .path("items.id");
    assertTrue(mine.contains(id));
    List<String> theirs =
        CommunityApi.member(outsider)
            .get(A + "?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .path("items.id");
    assertFalse(theirs.contains(id));
  }

  static void setName(Person p, String displayName, String prefecture) {
    String etag = CommunityApi.member(p).get(CommunityApi.ME).then().extract().header("ETag");
    CommunityApi.member(p)
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "displayName", displayName,
                "prefecture", prefecture,
                "affiliationKind", "employed"))
        .put(CommunityApi.ME)
        .then()
        .statusCode(200);
  }
}
