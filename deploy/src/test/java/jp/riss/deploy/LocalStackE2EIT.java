package jp.riss.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole stack as a developer runs it: deploy/local/up (PostgreSQL, KRaft Kafka, four services,
 * gateway, demo data), then the vertical slice through the gateway only, with tokens from
 * deploy/local/token (the script developers use, not a Java signer), then deploy/local/down.
 */
@ExtendWith(LocalStack.class)
class LocalStackE2EIT {

  private static final String LISTINGS = "/api/v1/active-list/listings";
  private static final String GUIDE_SPECIALISTS = "/api/v1/guide/specialists";
  private static final Duration EVENT_DELIVERY = Duration.ofSeconds(5);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void listingLifecycleFromCreateToGuideAndBack() {
    String specialist = "e2e-specialist-" + UUID.randomUUID();
    String registrationNumber = randomRegistrationNumber();
    Map<String, Object> body = newListing(registrationNumber);

    // What IPA's registry says about the specialist goes in at its one owner, the deemed-attendance
    // service; the Active List learns the binding number ↔ account from its event.
    importRegistry(registrationNumber, specialist);
    // Someone else claiming the number is refused, whatever they send.
    given()
        .auth()
        .oauth2(token("specialist", "e2e-squatter-" + UUID.randomUUID()))
        .contentType(ContentType.JSON)
        .body(body)
        .post(LISTINGS)
        .then()
        .statusCode(403)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("https://riss.example/problems/registration-not-held"));
    String id =
        await("the registry binding reaches the Active List")
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  Response created =
                      given()
                          .auth()
                          .oauth2(token("specialist", specialist))
                          .contentType(ContentType.JSON)
                          .body(body)
                          .post(LISTINGS);
                  return created.statusCode() == 201 ? created : null;
                },
                java.util.Objects::nonNull)
            .then()
            .statusCode(201)
            .body("status", equalTo("DRAFT"))
            .body("registrationNumber", equalTo(registrationNumber))
            .extract()
            .path("id");
    assertTrue(id != null && !id.isBlank(), "listing id");

    // Same registration number again: the owner is told which listing already has it.
    given()
        .auth()
        .oauth2(token("specialist", specialist))
        .contentType(ContentType.JSON)
        .body(body)
        .post(LISTINGS)
        .then()
        .statusCode(409)
        .contentType(startsWith("application/problem+json"))
        .body("existingListingId", equalTo(id));

    // The owner's pledge and submission, then IPA's review: the listing criteria pass and it is
    // published.
    String pledge =
        given().get("/api/v1/active-list/ethics-pledge").then().extract().path("version");
    given()
        .auth()
        .oauth2(token("specialist", specialist))
        .contentType(ContentType.JSON)
        .body(Map.of("version", pledge))
        .post(LISTINGS + "/" + id + "/ethics-pledge")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(token("specialist", specialist))
        .post(LISTINGS + "/" + id + "/submit")
        .then()
        .statusCode(200)
        .body("status", equalTo("PENDING_REVIEW"));
    given()
        .auth()
        .oauth2(token("ipa-reviewer", "e2e-reviewer"))
        .post(LISTINGS + "/" + id + "/approve")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"));
    given()
        .auth()
        .oauth2(token("ipa-reviewer", "e2e-reviewer"))
        .post(LISTINGS + "/" + id + "/approve")
        .then()
        .statusCode(409)
        .contentType(startsWith("application/problem+json"));

    given()
        .get(LISTINGS + "/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("status", equalTo("PUBLISHED"))
        .body("selfDeclared.displayName", equalTo(displayName(registrationNumber)))
        .body("verified.registration.status", equalTo("VALID"))
        .body("selfDeclared.contact", org.hamcrest.Matchers.nullValue());

    // The public search finds it by a part of its name, without contact details.
    await("published listing " + id + " in the search")
        .atMost(EVENT_DELIVERY)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                given()
                    .queryParam("q", registrationNumber)
                    .queryParam("prefecture", "13")
                    .get(LISTINGS)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.id", String.class)
                    .contains(id));

    // An SME asks the specialist through the gateway; the specialist accepts.
    String inquiry =
        given()
            .auth()
            .oauth2(token("company", "e2e-company"))
            .header("Idempotency-Key", "e2e-" + UUID.randomUUID())
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "listingId",
                    id,
                    "sme",
                    Map.of(
                        "companyName", "結合試験工業株式会社",
                        "industry", "E",
                        "prefecture", "13",
                        "sizeBand", "6-20",
                        "themes", List.of(1),
                        "preferredFormat", "online",
                        "acceptsOnline", true),
                    "contact",
                    Map.of("name", "総務 花子", "email", "soumu@example.jp"),
                    "consentToShareContact",
                    true))
            .post("/api/v1/active-list/inquiries")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String inquiryEtag =
        given()
            .auth()
            .oauth2(token("specialist", specialist))
            .get("/api/v1/active-list/inquiries/" + inquiry)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    given()
        .auth()
        .oauth2(token("specialist", specialist))
        .header("If-Match", inquiryEtag)
        .post("/api/v1/active-list/inquiries/" + inquiry + "/accept")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"));

    // A support body's CRM sync: the snapshot has the listing; after the withdrawal below, the
    // feed continues with its tombstone.
    String feedCursor = readFeedUntil(null, id, "UPSERT");

    // listing published -> Kafka -> the guide's read model.
    await("published listing " + id + " in the guide")
        .atMost(EVENT_DELIVERY)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> guideListsSpecialist(id));

    given()
        .auth()
        .oauth2(token("specialist", specialist))
        .post(LISTINGS + "/" + id + "/withdraw")
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));

    await("withdrawn listing " + id + " gone from the guide")
        .atMost(EVENT_DELIVERY)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !guideListsSpecialist(id));
    readFeedUntil(feedCursor, id, "TOMBSTONE");
  }

  @Test
  void creatingNeedsAToken() {
    given()
        .contentType(ContentType.JSON)
        .body(newListing(randomRegistrationNumber()))
        .post(LISTINGS)
        .then()
        .statusCode(401)
        .contentType(startsWith("application/problem+json"));
  }

  @Test
  void creatingNeedsTheSpecialistRole() {
    given()
        .auth()
        .oauth2(token("company", "e2e-company"))
        .contentType(ContentType.JSON)
        .body(newListing(randomRegistrationNumber()))
        .post(LISTINGS)
        .then()
        .statusCode(403)
        .contentType(startsWith("application/problem+json"));
  }

  @Test
  void referenceDataIsPublic() {
    for (String path :
        List.of(
            "/api/v1/active-list/reference/themes",
            "/api/v1/active-list/reference/prefectures",
            "/api/v1/deemed-attendance/syllabus-items",
            "/api/v1/community/programmes")) {
      given().get(path).then().statusCode(200).contentType(ContentType.JSON);
    }
  }

  @Test
  void openApiIndexAndTheFourContracts() throws IOException {
    String index = given().get("/openapi").then().statusCode(200).extract().asString();
    for (App service : App.services()) {
      assertTrue(index.contains(service.context), "the index names " + service.context);

      String document =
          given().get("/openapi/" + service.context).then().statusCode(200).extract().asString();
      JsonNode contract = YAML.readTree(document); // JSON or YAML, both parse as YAML
      assertTrue(
          contract.path("openapi").asText().startsWith("3."), service.context + " is OpenAPI 3");
      List<String> paths = new ArrayList<>();
      contract.path("paths").fieldNames().forEachRemaining(paths::add);
      assertTrue(
          paths.stream().anyMatch(p -> p.startsWith("/api/v1/" + service.context)),
          service.context + " contract has its /api/v1/" + service.context + " paths: " + paths);
    }
  }

  @Test
  void requestIdIsEchoed() {
    for (String path :
        List.of("/api/v1/active-list/reference/themes", GUIDE_SPECIALISTS + "?theme=1")) {
      String requestId = "e2e-" + UUID.randomUUID();
      given()
          .header("X-Request-Id", requestId)
          .get(path)
          .then()
          .statusCode(200)
          .header("X-Request-Id", equalTo(requestId));
    }
    given()
        .get("/api/v1/active-list/reference/themes")
        .then()
        .statusCode(200)
        .header("X-Request-Id", not(emptyOrNullString()));
  }

  // ------------------------------------------------------------------------- helpers ----

  /**
   * Reads the CRM change feed as a support body from {@code cursor} until caught up, and asserts
   * that the last entry for the listing is of the given kind; answers the cursor to go on from.
   */
  private static String readFeedUntil(String cursor, String listingId, String kind) {
    String at = cursor;
    String last = null;
    for (int pages = 0; pages < 1_000; pages++) {
      var request =
          given().auth().oauth2(token("support-body", "e2e-chamber")).queryParam("limit", 100);
      if (at != null) {
        request.queryParam("cursor", at);
      }
      Response page = request.get("/api/v1/active-list/changes");
      assertEquals(200, page.statusCode(), () -> "changes: " + page.asString());
      List<Map<String, Object>> items = page.jsonPath().getList("items");
      for (Map<String, Object> item : items) {
        if (listingId.equals(item.get("listingId"))) {
          last = (String) item.get("kind");
        }
      }
      at = page.jsonPath().getString("cursor");
      if (page.jsonPath().getBoolean("caughtUp")) {
        assertEquals(kind, last, "the feed's last entry for " + listingId);
        return at;
      }
    }
    return fail("the change feed never caught up");
  }

  /** Whether the guide lists the listing for theme 1 in Tokyo, following `next` pages. */
  private static boolean guideListsSpecialist(String listingId) {
    Response page =
        given().queryParam("theme", 1).queryParam("prefecture", "13").get(GUIDE_SPECIALISTS);
    for (int pages = 0; pages < 50; pages++) {
      Response current = page;
      assertEquals(200, current.statusCode(), () -> "guide: " + current.asString());
      List<String> ids = page.jsonPath().getList("items.listingId", String.class);
      if (ids != null && ids.contains(listingId)) {
        return true;
      }
      Object next = page.jsonPath().get("next");
      if (!(next instanceof String link) || link.isBlank()) {
        return false;
      }
      page = given().get(link);
    }
    return fail("more than 50 pages of specialists for theme 1 in Tokyo");
  }

  private static String displayName(String registrationNumber) {
    return "結合試験 太郎 " + registrationNumber;
  }

  static Map<String, Object> newListing(String registrationNumber) {
    return Map.of(
        "registrationNumber",
        registrationNumber,
        "selfDeclared",
        Map.of(
            "displayName", displayName(registrationNumber),
            "affiliation", Map.of("kind", "INDEPENDENT"),
            "availability", Map.of("status", "ACCEPTING"),
            "prefectures", List.of("13"),
            "themes", List.of(1),
            "formats", List.of(Map.of("format", "online", "feePerSessionJpy", 10000)),
            "contact", Map.of("email", "e2e@example.jp", "publiclyVisible", false)));
  }

  /**
   * IPA's registry record of the specialist, imported at the deemed-attendance service (the
   * registry's one owner): the number bound to the account, a cycle that started a year ago, and
   * the first year's online course done, so every registry criterion of the Active List passes.
   */
  static void importRegistry(String registrationNumber, String specialist) {
    java.time.LocalDate start =
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusYears(1);
    String admin = token("ipa-admin", "e2e-admin");
    RegistryImports.post(
            admin,
            RegistryImports.CYCLES,
            List.of(
                Map.of(
                    "registrationNumber",
                    registrationNumber,
                    "specialistSubject",
                    specialist,
                    "cycleStart",
                    start.toString(),
                    "registeredOn",
                    "2020-04-01")))
        .body("created", equalTo(1));
    RegistryImports.post(
            admin,
            RegistryImports.COMPLETIONS,
            List.of(RegistryImports.onlineCourseDone(registrationNumber, start)))
        .body("created", equalTo(1));
  }

  /** Six digits, outside the 9000xx block the demo data uses. */
  static String randomRegistrationNumber() {
    return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 900_000));
  }

  private static String token(String role, String subject) {
    return LocalStack.token(role, subject);
  }
}
