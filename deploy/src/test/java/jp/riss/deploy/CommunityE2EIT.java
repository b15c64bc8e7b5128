package jp.riss.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The camp community end to end, through the gateway only, with tokens from deploy/local/token:
 * completions of an adult, a 16-year-old and a 14-year-old imported; each enrols with the code from
 * the dev mailbox; the 16-year-old's guardian grants membership and groups but not publication;
 * group posts; the adult's direct message to the 16-year-old refused; a post with a phone number
 * held; a report, its case, a hide and an appeal decided by a second moderator; and the public
 * surfaces show nothing of either minor. Part 2: an achievement reviewed, published on the public
 * showcase, withdrawn and tombstoned in the showcase's feed; and the link to the Active List
 * started in the community, confirmed by the listing's owner there (the listing and its CRM feed
 * show the verified field, with a revision bump), withdrawn by the alumnus and, a second one, by
 * the specialist — each side hearing of the other.
 */
@ExtendWith(LocalStack.class)
class CommunityE2EIT {

  private static final String API = "/api/v1/community";
  private static final Pattern CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
  private static final Pattern LINK = Pattern.compile("#token=([A-Za-z0-9_.-]+)");

  private final String office = LocalStack.token("camp-office", "e2e-camp-office");
  private final String office2 = LocalStack.token("camp-office", "e2e-camp-office-2");

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private String mail(String to) {
    return as(office)
        .queryParam("to", to)
        .get(API + "/dev/mailbox")
        .then()
        .statusCode(200)
        .extract()
        .path("items[0].body");
  }

  private static String match(Pattern p, String text, int group) {
    Matcher m = p.matcher(text);
    assertTrue(m.find(), p + " in " + text);
    return m.group(group);
  }

  /** Enrols with the mailed code; returns {token, memberId}. */
  private String[] enrol(String email) {
    String token = LocalStack.token("alumni", "e2e-alumni-" + UUID.randomUUID());
    String id =
        as(token)
            .contentType(ContentType.JSON)
            .body(Map.of("code", match(CODE, mail(email), 0)))
            .post(API + "/alumni/me/enrolment")
            .then()
            .statusCode(200)
            .extract()
            .path("memberId");
    return new String[] {token, id};
  }

  private String caseOf(String targetId) {
    return as(office)
        .get(API + "/moderation-cases?limit=100")
        .then()
        .statusCode(200)
        .extract()
        .path("items.find { it.target.id == '" + targetId + "' }.id");
  }

  private void act(String caseId, String action, String reason) {
    as(office)
        .contentType(ContentType.JSON)
        .body(Map.of("action", action, "reason", reason))
        .post(API + "/moderation-cases/" + caseId + "/actions")
        .then()
        .statusCode(200);
  }

  private String post(String group, String token, String body) {
    return as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("body", body))
        .post(API + "/groups/" + group + "/posts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void membersMinorsGroupsAndModeration() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    Map<String, LocalDate> born = new LinkedHashMap<>();
    born.put("adult", today.minusYears(30).minusDays(40));
    born.put("teen", today.minusYears(16).minusDays(40));
    born.put("junior", today.minusYears(14).minusDays(40));
    List<Map<String, Object>> rows = new ArrayList<>();
    born.forEach(
        (who, dob) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("rowKey", "e2e-" + run + "-" + who);
          row.put("personRef", "e2e-" + run + "-" + who);
          row.put("fullName", "E2E " + who + " " + run);
          row.put("email", "e2e-" + run + "-" + who + "@example.jp");
          row.put("dateOfBirth", dob.toString());
          if (!who.equals("adult")) {
            row.put("guardianEmail", "e2e-" + run + "-guardian-" + who + "@example.jp");
          }
          row.put("programme", who.equals("junior") ? "junior" : "national");
          row.put("fiscalYear", 2024);
          row.put("verified", true);
          rows.add(row);
        });
    as(office)
        .contentType(ContentType.JSON)
        .body(Map.of("rows", rows))
        .post(API + "/completion-imports")
        .then()
        .statusCode(200)
        .body("created", equalTo(3))
        .body("codesSent", equalTo(3));

    String[] adult = enrol("e2e-" + run + "-adult@example.jp");
    String[] teen = enrol("e2e-" + run + "-teen@example.jp");
    String[] junior = enrol("e2e-" + run + "-junior@example.jp");
    as(junior[0])
        .get(API + "/groups")
        .then()
        .statusCode(403)
        .body("missingScope", equalTo("membership"));

    String guardianToken = match(LINK, mail("e2e-" + run + "-guardian-teen@example.jp"), 1);
    String version =
        given()
            .header("X-Guardian-Token", guardianToken)
            .get(API + "/guardian/consent-request")
            .then()
            .statusCode(200)
            .body("ageBand", equalTo("teen"))
            .extract()
            .path("textVersion");
    given()
        .header("X-Guardian-Token", guardianToken)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "textVersion",
                version,
                "decisions",
                Map.of("membership", "grant", "groups", "grant", "publication", "refuse")))
        .post(API + "/guardian/consents")
        .then()
        .statusCode(200);
    as(teen[0])
        .get(API + "/alumni/me")
        .then()
        .statusCode(200)
        .body("scopesInForce", containsInAnyOrder("membership", "groups"));

    String group =
        as(office)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "E2E ゼミ " + run,
                    "purpose",
                    "programme-cohort",
                    "visibility",
                    "invitation",
                    "minAgeBand",
                    "junior",
                    "moderators",
                    List.of(
                        Map.of("subject", "e2e-camp-office", "displayName", "事務局 一郎"),
                        Map.of("subject", "e2e-camp-office-2", "displayName", "事務局 二郎"))))
            .post(API + "/groups")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (String[] m : List.of(adult, teen)) {
      as(office)
          .contentType(ContentType.JSON)
          .body(Map.of("memberId", m[1]))
          .post(API + "/groups/" + group + "/members")
          .then()
          .statusCode(200);
    }
    // First posts are held for review; the moderator lets them through.
    act(caseOf(post(group, adult[0], "はじめまして")), "restore", "確認しました");
    act(caseOf(post(group, teen[0], "よろしくお願いします")), "restore", "確認しました");
    String adultPost = post(group, adult[0], "演習の復習会をしませんか");
    as(teen[0])
        .get(API + "/groups/" + group + "/posts")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(adultPost));

    as(adult[0])
        .contentType(ContentType.JSON)
        .body(Map.of("recipientId", teen[1], "body", "個別にどうぞ"))
        .post(API + "/direct-messages")
        .then()
        .statusCode(403)
        .body("type", equalTo("https://riss.example/problems/direct-messages-adults-only"));

    String phone =
        as(adult[0])
            .contentType(ContentType.JSON)
            .body(Map.of("body", "電話は 090-1234-5678 です"))
            .post(API + "/groups/" + group + "/posts")
            .then()
            .statusCode(201)
            .body("state", equalTo("held"))
            .body("heldReasons", hasItem("contact-details"))
            .extract()
            .path("id");
    as(teen[0]).get(API + "/groups/" + group + "/posts/" + phone).then().statusCode(404);

    as(teen[0])
        .contentType(ContentType.JSON)
        .body(Map.of("targetKind", "post", "targetId", adultPost, "reason", "勧誘のように感じました"))
        .post(API + "/moderation-reports")
        .then()
        .statusCode(201);
    String caseId = caseOf(adultPost);
    String actionId =
        as(office)
            .contentType(ContentType.JSON)
            .body(Map.of("action", "hide", "reason", "確認のため非表示にします"))
            .post(API + "/moderation-cases/" + caseId + "/actions")
            .then()
            .statusCode(200)
            .extract()
            .path("actions[0].id");
    as(adult[0])
        .contentType(ContentType.JSON)
        .body(Map.of("statement", "勉強会の案内です"))
        .post(API + "/moderation-actions/" + actionId + "/appeal")
        .then()
        .statusCode(201);
    as(office2)
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", "overturned", "reason", "勉強会の案内で問題なし"))
        .post(API + "/moderation-actions/" + actionId + "/appeal/decision")
        .then()
        .statusCode(200)
        .body("target.state", equalTo("visible"));

    List<String> secrets = new ArrayList<>();
    for (String who : List.of("teen", "junior")) {
      secrets.add("E2E " + who + " " + run);
      secrets.add("e2e-" + run + "-" + who);
      secrets.add(born.get(who).toString());
    }
    secrets.add(teen[1]);
    secrets.add(junior[1]);
    for (String path :
        List.of(API + "/programmes", API + "/programmes/junior", API + "/editions")) {
      String body = given().get(path).then().statusCode(200).extract().asString();
      for (String secret : secrets) {
        assertFalse(body.contains(secret), path + " shows " + secret);
      }
    }
  }

  // ---------------------------------------------------- part 2: showcase and Active List link --

  /** Imports one adult's verified national 2024 completion and enrols them; {token, memberId}. */
  private String[] adultAlumnus(String run, String who) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("rowKey", "e2e-" + run + "-" + who);
    row.put("personRef", "e2e-" + run + "-" + who);
    row.put("fullName", "E2E " + who + " " + run);
    row.put("email", "e2e-" + run + "-" + who + "@example.jp");
    row.put("dateOfBirth", LocalDate.now(ZoneId.of("Asia/Tokyo")).minusYears(32).toString());
    row.put("programme", "national");
    row.put("fiscalYear", 2024);
    row.put("verified", true);
    as(office)
        .contentType(ContentType.JSON)
        .body(Map.of("rows", List.of(row)))
        .post(API + "/completion-imports")
        .then()
        .statusCode(200);
    return enrol("e2e-" + run + "-" + who + "@example.jp");
  }

  /** The showcase item with this id (public, no token), or null. */
  private static Map<String, Object> showcased(String id) {
    List<Map<String, Object>> items =
        given().get(API + "/showcase?limit=100").then().statusCode(200).extract().path("items");
    return items.stream().filter(i -> id.equals(i.get("id"))).findFirst().orElse(null);
  }

  /**
   * The kinds of the showcase feed's entries about the item from {@code cursor}, and the cursor.
   */
  private static List<String> feedKinds(String[] cursor, String id) {
    List<String> kinds = new ArrayList<>();
    for (int pages = 0; pages < 1_000; pages++) {
      var request = given().queryParam("limit", 500);
      if (cursor[0] != null) {
        request.queryParam("cursor", cursor[0]);
      }
      io.restassured.path.json.JsonPath page =
          request.get(API + "/showcase/changes").then().statusCode(200).extract().jsonPath();
      List<Map<String, Object>> items = page.getList("items");
      items.stream()
          .filter(e -> id.equals(e.get("itemId")))
          .forEach(e -> kinds.add((String) e.get("kind")));
      cursor[0] = page.getString("cursor");
      if (page.getBoolean("caughtUp")) {
        return kinds;
      }
    }
    throw new AssertionError("the showcase feed never caught up");
  }

  @Test
  void anAchievementIsPublishedThenWithdrawnAndTombstoned() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String[] author = adultAlumnus(run, "author");
    as(author[0])
        .contentType(ContentType.JSON)
        .body(Map.of("scopes", List.of("membership", "groups", "publication")))
        .put(API + "/alumni/me/settings")
        .then()
        .statusCode(200);
    String[] cursor = {null};
    feedKinds(cursor, "none");
    String id =
        as(author[0])
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "kind", "achievement",
                    "category", "leading-security-industry",
                    "audience", "public",
                    "title", "E2E 業界のセキュリティ対策を先導 " + run,
                    "body", "修了後、業界団体のガイドライン策定を主導しました。"))
            .post(API + "/achievements")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(author[0])
        .contentType(ContentType.JSON)
        .body(Map.of("decision", "grant", "fields", List.of("programme-year")))
        .put(API + "/achievements/" + id + "/consents/me")
        .then()
        .statusCode(200);
    as(author[0]).post(API + "/achievements/" + id + "/submission").then().statusCode(200);
    as(office)
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", "accept"))
        .post(API + "/achievements/" + id + "/review")
        .then()
        .statusCode(200);
    as(office).post(API + "/achievements/" + id + "/publication").then().statusCode(200);
    Map<String, Object> item = showcased(id);
    assertTrue(item != null, "published and consented: on the showcase");
    assertFalse(item.toString().contains(author[1]), "no member id on the showcase");

    as(author[0])
        .post(API + "/achievements/" + id + "/withdrawal")
        .then()
        .statusCode(200)
        .body("state", equalTo("withdrawn"));
    assertTrue(showcased(id) == null, "withdrawn: gone from the showcase at once");
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of("UPSERT", "TOMBSTONE"), feedKinds(cursor, id), "the feed tombstones it");
  }

  /** A published Active List listing of the specialist, through the gateway; its id. */
  private static String publishedListing(String number, String specialist) {
    LocalStackE2EIT.importRegistry(number, specialist);
    String token = LocalStack.token("specialist", specialist);
    String id =
        org.awaitility.Awaitility.await("the registry binding reaches the Active List")
            .atMost(java.time.Duration.ofSeconds(15))
            .pollInterval(java.time.Duration.ofMillis(200))
            .until(
                () -> {
                  var created =
                      as(token)
                          .contentType(ContentType.JSON)
                          .body(LocalStackE2EIT.newListing(number))
                          .post(LISTINGS);
                  return created.statusCode() == 201 ? (String) created.path("id") : null;
                },
                java.util.Objects::nonNull);
    String pledge =
        given().get("/api/v1/active-list/ethics-pledge").then().extract().path("version");
    as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("version", pledge))
        .post(LISTINGS + "/" + id + "/ethics-pledge")
        .then()
        .statusCode(200);
    as(token).post(LISTINGS + "/" + id + "/submit").then().statusCode(200);
    as(LocalStack.token("ipa-reviewer", "e2e-reviewer"))
        .post(LISTINGS + "/" + id + "/approve")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"));
    return id;
  }

  private static final String LISTINGS = "/api/v1/active-list/listings";

  @SuppressWarnings("unchecked")
  private static long revisionOf(Map<String, Object> feedEntry) {
    return ((Number) ((Map<String, Object>) feedEntry.get("listing")).get("revision")).longValue();
  }

  private static Object campAlumnus(String listing) {
    return given()
        .get(LISTINGS + "/" + listing)
        .then()
        .statusCode(200)
        .extract()
        .path("verified.campAlumnus");
  }

  /** The CRM feed's entries about the listing from {@code cursor}, as a support body reads them. */
  private static List<Map<String, Object>> listingFeed(String[] cursor, String listing) {
    List<Map<String, Object>> entries = new ArrayList<>();
    String crm = LocalStack.token("support-body", "e2e-chamber");
    for (int pages = 0; pages < 1_000; pages++) {
      var request = as(crm).queryParam("limit", 500);
      if (cursor[0] != null) {
        request.queryParam("cursor", cursor[0]);
      }
      io.restassured.path.json.JsonPath page =
          request.get("/api/v1/active-list/changes").then().statusCode(200).extract().jsonPath();
      List<Map<String, Object>> items = page.getList("items");
      items.stream().filter(e -> listing.equals(e.get("listingId"))).forEach(entries::add);
      cursor[0] = page.getString("cursor");
      if (page.getBoolean("caughtUp")) {
        return entries;
      }
    }
    throw new AssertionError("the change feed never caught up");
  }

  @Test
  void theActiveListLinkIsConfirmedByTheSpecialistAndWithdrawnEverywhere() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String specialist = "e2e-camp-specialist-" + run;
    String number = LocalStackE2EIT.randomRegistrationNumber();
    String listing = publishedListing(number, specialist);
    String[] alumnus = adultAlumnus(run, "linked");
    String[] crmCursor = {null};
    List<Map<String, Object>> published = listingFeed(crmCursor, listing);
    long revision = revisionOf(published.get(published.size() - 1));

    // The alumnus starts the link in the community, through the gateway.
    String link =
        as(alumnus[0])
            .contentType(ContentType.JSON)
            .body(Map.of("registrationNumber", number, "programme", "national", "fiscalYear", 2024))
            .post(API + "/active-list-links")
            .then()
            .statusCode(201)
            .body("state", equalTo("requested"))
            .extract()
            .path("id");
    String owner = LocalStack.token("specialist", specialist);
    org.awaitility.Awaitility.await("the link reaches the Active List")
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                as(owner)
                    .get("/api/v1/active-list/alumnus-links")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<List<String>>path("items.linkId")
                    .contains(link));
    assertTrue(campAlumnus(listing) == null, "nothing shows before the owner confirms");
    as(owner)
        .post("/api/v1/active-list/alumnus-links/" + link + "/confirmation")
        .then()
        .statusCode(200)
        .body("state", equalTo("confirmed"));
    given()
        .get(LISTINGS + "/" + listing)
        .then()
        .statusCode(200)
        .body("verified.campAlumnus.completions[0].programme", equalTo("national"))
        .body("verified.campAlumnus.completions[0].fiscalYear", equalTo(2024));
    List<Map<String, Object>> entries = listingFeed(crmCursor, listing);
    Map<String, Object> last = entries.get(entries.size() - 1);
    assertTrue(last.toString().contains("campAlumnus"), "the feed carries the verified field");
    assertTrue(revisionOf(last) > revision, "a revision bump");
    org.awaitility.Awaitility.await("the community hears of the confirmation")
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                "confirmed"
                    .equals(
                        as(alumnus[0])
                            .get(API + "/active-list-links")
                            .then()
                            .extract()
                            .path("items.find { it.id == '" + link + "' }.state")));

    // The alumnus withdraws in the community: gone from the listing, the feed says so.
    as(alumnus[0]).post(API + "/active-list-links/" + link + "/withdrawal").then().statusCode(200);
    org.awaitility.Awaitility.await("the withdrawal reaches the listing")
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> campAlumnus(listing) == null);
    entries = listingFeed(crmCursor, listing);
    assertFalse(
        entries.get(entries.size() - 1).toString().contains("campAlumnus"),
        "the feed's latest entry no longer carries it");

    // A second link, withdrawn by the specialist on the Active List: the community follows.
    String second =
        as(alumnus[0])
            .contentType(ContentType.JSON)
            .body(Map.of("registrationNumber", number, "programme", "national", "fiscalYear", 2024))
            .post(API + "/active-list-links")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    org.awaitility.Awaitility.await("the second link reaches the Active List")
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                as(owner)
                    .get("/api/v1/active-list/alumnus-links")
                    .then()
                    .extract()
                    .<List<String>>path("items.linkId")
                    .contains(second));
    as(owner)
        .post("/api/v1/active-list/alumnus-links/" + second + "/confirmation")
        .then()
        .statusCode(200);
    as(owner)
        .post("/api/v1/active-list/alumnus-links/" + second + "/withdrawal")
        .then()
        .statusCode(200);
    assertTrue(campAlumnus(listing) == null, "withdrawn by the owner: gone at once");
    org.junit.jupiter.api.Assertions.assertEquals(
        "specialist",
        org.awaitility.Awaitility.await("the community hears of the withdrawal")
            .atMost(java.time.Duration.ofSeconds(30))
            .until(
                () ->
                    as(alumnus[0])
                        .get(API + "/active-list-links")
                        .then()
                        .extract()
                        .<String>path("items.find { it.id == '" + second + "' }.withdrawnBy"),
                java.util.Objects::nonNull));
  }

  // ---- a workshop from a survey result to registrations with a waitlist (issue 12 §1, §3) ----

  /** Imports adults of one run and enrols each; returns their tokens. */
  private List<String> enrolledAdults(String run, int count) {
    LocalDate dob = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusYears(28);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      String ref = "e2e-ws-" + run + "-" + i;
      row.put("rowKey", ref);
      row.put("personRef", ref);
      row.put("fullName", "E2E workshop " + i);
      row.put("email", ref + "@example.jp");
      row.put("dateOfBirth", dob.minusDays(i).toString());
      row.put("programme", "national");
      row.put("fiscalYear", 2023);
      row.put("verified", true);
      rows.add(row);
    }
    as(office)
        .contentType(ContentType.JSON)
        .body(Map.of("rows", rows))
        .post(API + "/completion-imports")
        .then()
        .statusCode(200);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tokens.add(enrol("e2e-ws-" + run + "-" + i + "@example.jp")[0]);
    }
    return tokens;
  }

  private String register(String event, String token, String expectedState) {
    return as(token)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(API + "/events/" + event + "/registrations")
        .then()
        .statusCode(201)
        .body("state", equalTo(expectedState))
        .extract()
        .path("id");
  }

  @Test
  void aWorkshopFromASurveyResultFillsUpAndACancellationOffersTheSeatToTheFirstWaiting() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> alumni = enrolledAdults(run, 6);
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(9));
    java.time.format.DateTimeFormatter iso =
        java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    java.util.function.Function<java.time.OffsetDateTime, String> at =
        t -> t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(iso);

    // A lecture survey; five alumni answer, so its aggregate is shown (cells under 5 are not).
    Map<String, Object> survey = new LinkedHashMap<>();
    survey.put("title", "E2E 講義評価 " + run);
    survey.put("anonymous", true);
    survey.put("opensAt", at.apply(now.minusHours(1)));
    survey.put("closesAt", at.apply(now.plusDays(7)));
    survey.put("audience", Map.of("minAgeBand", "adult"));
    survey.put(
        "questions",
        List.of(
            Map.of(
                "kind",
                "single-choice",
                "text",
                "もう一度受けたい講義は？",
                "options",
                List.of("マルウェア解析の基礎と応用", "Webセキュリティ"))));
    String surveyId =
        as(office)
            .contentType(ContentType.JSON)
            .body(survey)
            .post(API + "/surveys")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (int i = 0; i < 5; i++) {
      as(alumni.get(i))
          .contentType(ContentType.JSON)
          .body(Map.of("answers", List.of(Map.of("question", 1, "choices", List.of(1)))))
          .post(API + "/surveys/" + surveyId + "/responses")
          .then()
          .statusCode(201);
    }
    as(office)
        .get(API + "/surveys/" + surveyId + "/results")
        .then()
        .statusCode(200)
        .body("respondents", equalTo(5))
        .body("questions[0].options[0].count", equalTo(5))
        .body("questions[0].options[1].count", equalTo(null));

    // The workshop re-runs the best-rated lecture and names the survey: 2 seats, 3 waiting.
    java.time.OffsetDateTime start =
        now.plusDays(30).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    Map<String, Object> workshop = new LinkedHashMap<>();
    workshop.put("kind", "workshop");
    workshop.put("title", "マルウェア解析の基礎と応用（再演） " + run);
    workshop.put("format", "online");
    workshop.put("startsAt", at.apply(start));
    workshop.put("endsAt", at.apply(start.plusHours(3)));
    workshop.put("capacity", 2);
    workshop.put("waitlistLength", 3);
    workshop.put("registrationOpensAt", at.apply(now.minusHours(1)));
    workshop.put("registrationClosesAt", at.apply(start.minusDays(1)));
    workshop.put("audience", Map.of("programmes", List.of(), "minAgeBand", "adult"));
    workshop.put("topicSurveyId", surveyId);
    var created =
        as(office)
            .contentType(ContentType.JSON)
            .body(workshop)
            .post(API + "/events")
            .then()
            .statusCode(201)
            .body("topicSurveyId", equalTo(surveyId))
            .extract();
    String event = created.path("id");
    as(office)
        .header("If-Match", created.header("ETag"))
        .post(API + "/events/" + event + "/opening")
        .then()
        .statusCode(200)
        .body("state", equalTo("open"));

    String first = register(event, alumni.get(0), "confirmed");
    register(event, alumni.get(1), "confirmed");
    String waiting = register(event, alumni.get(2), "waitlisted");
    String second = register(event, alumni.get(3), "waitlisted");
    given()
        .get(API + "/events/" + event)
        .then()
        .statusCode(200)
        .body("seats.confirmed", equalTo(2))
        .body("seats.waitlisted", equalTo(2))
        .body("topicSurveyId", equalTo(surveyId));

    // A confirmed member cancels: the first waiting is offered the seat (and mailed), not the
    // second.
    as(alumni.get(0)).delete(API + "/event-registrations/" + first).then().statusCode(200);
    as(alumni.get(2))
        .get(API + "/event-registrations")
        .then()
        .statusCode(200)
        .body("items.find { it.id == '" + waiting + "' }.state", equalTo("offered"));
    assertTrue(mail("e2e-ws-" + run + "-2@example.jp").contains(workshop.get("title").toString()));
    as(alumni.get(3))
        .get(API + "/event-registrations")
        .then()
        .body("items.find { it.id == '" + second + "' }.state", equalTo("waitlisted"));
    as(alumni.get(2))
        .post(API + "/event-registrations/" + waiting + "/acceptance")
        .then()
        .statusCode(200)
        .body("state", equalTo("confirmed"));
    given()
        .get(API + "/events/" + event)
        .then()
        .body("seats.confirmed", equalTo(2))
        .body("seats.waitlisted", equalTo(1));
  }

  // ---- end of the workshop from a survey ----
  // ------------------------------------------------------------------ Camp Connect (§5) --

  /** A Connect edition of a fiscal year no earlier run used (the stack's database persists). */
  private String freshConnectEdition(String stage, int capacity) {
    for (int attempt = 0; attempt < 200; attempt++) {
      int year = 2030 + (int) (Math.random() * 71);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("programme", "connect");
      e.put("fiscalYear", year);
      e.put("stage", stage);
      e.put("startsOn", year + "-09-01");
      e.put("endsOn", year + "-09-05");
      e.put("format", "both");
      e.put("capacity", capacity);
      e.put("eligibilityReferenceDate", year + "-04-01");
      var answer = as(office).contentType(ContentType.JSON).body(e).post(API + "/editions");
      if (answer.statusCode() == 201) {
        return answer.path("id");
      }
      org.junit.jupiter.api.Assertions.assertEquals(409, answer.statusCode(), answer.asString());
    }
    throw new AssertionError("no free Connect edition year left");
  }

  private void connectScore(String reviewer, String application, int each) {
    List<Map<String, Object>> scores = new ArrayList<>();
    for (String criterion :
        List.of("security-knowledge", "field-expertise", "bridging", "collaboration")) {
      scores.add(Map.of("criterion", criterion, "score", each));
    }
    as(reviewer)
        .contentType(ContentType.JSON)
        .body(Map.of("scores", scores))
        .put(API + "/connect-applications/" + application + "/reviews/me")
        .then()
        .statusCode(200);
  }

  private String connectState(String applicant, String application) {
    return as(applicant)
        .get(API + "/connect-applications/" + application)
        .then()
        .statusCode(200)
        .extract()
        .path("state");
  }

  @Test
  void aConnectCallFromApplicationThroughTwoReviewsToAcceptanceAndAReserveTakingADeclinedPlace() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String edition = freshConnectEdition("main", 50);
    java.time.format.DateTimeFormatter rfc3339 =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(9));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("editionId", edition);
    body.put("title", "E2E コネクト本開催 " + run);
    body.put("eligibility", "一定水準のセキュリティの知見と、他の専門領域の高度な知見を持つ学生");
    body.put("opensAt", rfc3339.format(now.minusHours(1)));
    body.put("closesAt", rfc3339.format(now.plusDays(30)));
    body.put("rubricVersion", "2025-1");
    body.put(
        "themes",
        List.of(Map.of("code", "space", "axis", "industry", "title", "宇宙", "capacity", 1)));
    var call =
        as(office)
            .contentType(ContentType.JSON)
            .body(body)
            .post(API + "/connect-calls")
            .then()
            .statusCode(201)
            .extract();
    String callId = call.path("id");
    String theme = call.path("themes[0].id");
    String r1 = LocalStack.token("connect-reviewer", "e2e-reviewer-1-" + run);
    String r2 = LocalStack.token("connect-reviewer", "e2e-reviewer-2-" + run);
    for (String subject : List.of("e2e-reviewer-1-" + run, "e2e-reviewer-2-" + run)) {
      as(office)
          .contentType(ContentType.JSON)
          .body(Map.of("subject", subject, "displayName", "審査員"))
          .post(API + "/connect-calls/" + callId + "/reviewers")
          .then()
          .statusCode(200);
    }
    String[] first = adultAlumnus(run, "connect-first");
    String[] reserve = adultAlumnus(run, "connect-reserve");
    Map<String, String> applications = new LinkedHashMap<>();
    for (String[] applicant : List.of(first, reserve)) {
      String id =
          as(applicant[0])
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "themeId", theme,
                      "schoolKind", "graduate-school",
                      "motivation", "衛星通信のセキュリティを学びたい。",
                      "expertise", "衛星の姿勢制御を研究しています。"))
              .post(API + "/connect-calls/" + callId + "/applications")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      applications.put(applicant[0], id);
      connectScore(r1, id, 4);
      connectScore(r2, id, 3);
    }
    String a = applications.get(first[0]);
    String b = applications.get(reserve[0]);
    as(office)
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", "accepted", "rank", 1))
        .post(API + "/connect-applications/" + a + "/decision")
        .then()
        .statusCode(200)
        .body("reviewCount", equalTo(2));
    // The theme's one place is taken: the second can only wait as reserve.
    as(office)
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", "accepted", "rank", 2))
        .post(API + "/connect-applications/" + b + "/decision")
        .then()
        .statusCode(409);
    as(office)
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", "reserve", "rank", 2))
        .post(API + "/connect-applications/" + b + "/decision")
        .then()
        .statusCode(200);
    org.junit.jupiter.api.Assertions.assertEquals("accepted", connectState(first[0], a));
    as(first[0]).post(API + "/connect-applications/" + a + "/decline").then().statusCode(200);
    org.junit.jupiter.api.Assertions.assertEquals("offered", connectState(reserve[0], b));
    as(reserve[0])
        .post(API + "/connect-applications/" + b + "/acceptance")
        .then()
        .statusCode(200)
        .body("state", equalTo("accepted"));
    as(office)
        .get(API + "/connect-calls/" + callId + "/statistics")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(1))
        .body("themes[0].accepted", equalTo(1));
  }
}
