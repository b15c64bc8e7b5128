package jp.riss.activelist.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.riss.activelist.listing.ListingChanged;
import jp.riss.activelist.listing.Listings;
import jp.riss.activelist.registry.RegistrationFacts;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Submit, approve, reject, suspend, reinstate: every allowed move and the refused ones. */
@QuarkusTest
class ListingReviewTest {

  @Test
  void ownerSubmitsAndAReviewerApprovesWhichPublishesWithItsEvent() {
    String id = Listings.createDraft("review-a", Listings.uniqueRegistrationNumber());
    Listings.submit(id);
    Lifecycle.read(id).body("status", equalTo("PENDING_REVIEW"));
    given().get(Listings.PATH + "/" + id).then().statusCode(404);

    Lifecycle.byReviewer(id, "approve")
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("status", equalTo("PUBLISHED"))
        .body("publishedAt", notNullValue());
    given().get(Listings.PATH + "/" + id).then().statusCode(200);
    Lifecycle.history(id)
        .body("items.find { it.changes.status?.to == 'PUBLISHED' }.actor", equalTo("reviewer-1"))
        .body(
            "items.find { it.changes.status?.to == 'PENDING_REVIEW' }.actor", equalTo("review-a"));
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), ListingChanged.TOPIC)) {
      var event =
          log.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && ListingChanged.PUBLISHED.equals(e.path("type").asText()),
              Duration.ofSeconds(10));
      assertEquals(
          java.util.Set.of(), EventSchemas.violations(ListingChanged.SCHEMA, event.toString()));
    }
  }

  @Test
  void aRejectedListingCarriesTheReasonAndMayBeEditedAndSubmittedAgain() {
    String id = Listings.createDraft("review-b", Listings.uniqueRegistrationNumber());
    Listings.submit(id);

    Lifecycle.withReason("ipa-reviewer", id, "reject", "自己紹介が具体的ではありません")
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("statusReason", equalTo("自己紹介が具体的ではありません"));
    given().get(Listings.PATH + "/" + id).then().statusCode(404);

    String etag = Lifecycle.read(id).extract().header("ETag");
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", "review-b"))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Listings.selfDeclared("selfIntroduction", "製造業の規程整備を3年で12社支援しました。"))
        .put(Listings.PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"));
    Lifecycle.byOwner(id, "submit")
        .statusCode(200)
        .body("status", equalTo("PENDING_REVIEW"))
        .body("statusReason", nullValue());
    Lifecycle.byReviewer(id, "approve").statusCode(200).body("status", equalTo("PUBLISHED"));
  }

  @Test
  void aRejectionNeedsAReasonAndAMissingOneChangesNothing() {
    String id = Listings.createDraft("review-c", Listings.uniqueRegistrationNumber());
    Listings.submit(id);
    long version = Lifecycle.read(id).extract().<Integer>path("version");

    Lifecycle.post("ipa-reviewer", "r", id, "reject", Map.of("reason", " "))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("reason"));
    Lifecycle.post("ipa-reviewer", "r", id, "reject", Map.of())
        .statusCode(400)
        .body("violations.field", hasItem("reason"));

    Lifecycle.read(id)
        .body("status", equalTo("PENDING_REVIEW"))
        .body("version", equalTo((int) version));
  }

  @Test
  void ipaSuspendsAPublishedListingWithAReasonAndReinstatesIt() {
    String id = Listings.createDraft("review-d", Listings.uniqueRegistrationNumber());
    Listings.publish(id);

    Lifecycle.withReason("ipa-admin", id, "suspend", "苦情の調査中")
        .statusCode(200)
        .body("status", equalTo("SUSPENDED"))
        .body("statusReason", equalTo("苦情の調査中"));
    given().get(Listings.PATH + "/" + id).then().statusCode(404);

    Lifecycle.post("ipa-reviewer", "r", id, "reinstate")
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"))
        .body("statusReason", nullValue());
    given().get(Listings.PATH + "/" + id).then().statusCode(200);

    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), ListingChanged.TOPIC)) {
      log.awaitEvent(
          e ->
              id.equals(e.path("subject").asText())
                  && ListingChanged.DELISTED.equals(e.path("type").asText())
                  && "SUSPENDED".equals(e.path("data").path("status").asText()),
          Duration.ofSeconds(10));
      List<String> types = new ArrayList<>();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                types.clear();
                log.records().stream()
                    .filter(r -> id.equals(r.key()))
                    .forEach(
                        r -> {
                          types.add(jp.riss.platform.events.EventJson.read(r.value()).type());
                          assertEquals(
                              java.util.Set.of(),
                              EventSchemas.violations(ListingChanged.SCHEMA, r.value()));
                        });
                return types.size() >= 3;
              });
      assertEquals(
          List.of(ListingChanged.PUBLISHED, ListingChanged.DELISTED, ListingChanged.PUBLISHED),
          types);
    }
  }

  @Test
  void reinstatingRechecksTheCriteria() {
    String number = Listings.uniqueRegistrationNumber();
    String id = Listings.createDraft("review-e", number);
    Listings.publish(id);
    Lifecycle.withReason("ipa-admin", id, "suspend", "確認中").statusCode(200);
    // While suspended a registry change does not touch it; the course is now overdue.
    RegistrationFacts.publish(
        RegistrationFacts.practical(
            RegistrationFacts.valid(number, "review-e"),
            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusDays(1),
            false,
            null,
            null));
    Lifecycle.read(id).body("status", equalTo("SUSPENDED"));

    Lifecycle.post("ipa-admin", "a", id, "reinstate")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/criteria-not-met"))
        .body("failedCriteria.code", equalTo(List.of("courses-not-overdue")));
    Lifecycle.read(id).body("status", equalTo("SUSPENDED"));
  }

  @Test
  void transitionsFromTheWrongStateAre409sNamingTheState() {
    String draft = Listings.createDraft("review-f", Listings.uniqueRegistrationNumber());
    refused(Lifecycle.byReviewer(draft, "approve"), "DRAFT");
    refused(Lifecycle.withReason("ipa-reviewer", draft, "reject", "x"), "DRAFT");
    refused(Lifecycle.withReason("ipa-admin", draft, "suspend", "x"), "DRAFT");
    refused(Lifecycle.post("ipa-admin", "a", draft, "reinstate"), "DRAFT");
    refused(Lifecycle.byOwner(draft, "reconfirm"), "DRAFT");

    String pending = Listings.createDraft("review-f", Listings.uniqueRegistrationNumber());
    Listings.submit(pending);
    refused(Lifecycle.byOwner(pending, "submit"), "PENDING_REVIEW");
    refused(Lifecycle.withReason("ipa-admin", pending, "suspend", "x"), "PENDING_REVIEW");

    String published = Listings.createDraft("review-f", Listings.uniqueRegistrationNumber());
    Listings.publish(published);
    refused(Lifecycle.byOwner(published, "submit"), "PUBLISHED");
    refused(Lifecycle.byReviewer(published, "approve"), "PUBLISHED");
    refused(Lifecycle.withReason("ipa-reviewer", published, "reject", "x"), "PUBLISHED");
    refused(Lifecycle.post("ipa-admin", "a", published, "reinstate"), "PUBLISHED");

    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "review-f"))
        .post(Listings.PATH + "/" + published + "/withdraw")
        .then()
        .statusCode(200);
    refused(Lifecycle.byOwner(published, "submit"), "WITHDRAWN");
    refused(Lifecycle.byOwner(published, "reconfirm"), "WITHDRAWN");
    refused(Lifecycle.withReason("ipa-admin", published, "suspend", "x"), "WITHDRAWN");
  }

  @Test
  void othersCannotActOnAListingNorTellItExists() {
    String id = Listings.createDraft("review-g", Listings.uniqueRegistrationNumber());
    Listings.submit(id);
    Lifecycle.byReviewer(id, "approve").statusCode(200);
    for (String action : List.of("submit", "reconfirm")) {
      Lifecycle.post("specialist", "someone-else", id, action)
          .statusCode(404)
          .contentType("application/problem+json");
    }
    Lifecycle.post("specialist", "someone-else", id, "ethics-pledge", Map.of("version", "2025.1"))
        .statusCode(404);
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "someone-else"))
        .get(Listings.PATH + "/" + id + "/criteria")
        .then()
        .statusCode(404);
    given()
        .header("Authorization", "Bearer " + Tokens.of("company", "c"))
        .get(Listings.PATH + "/" + id + "/criteria")
        .then()
        .statusCode(403);
    String unknown = "00000000-0000-0000-0000-00000000abcd";
    Lifecycle.byReviewer(unknown, "approve").statusCode(404);
    Lifecycle.post("ipa-admin", "a", unknown, "reinstate").statusCode(404);
  }

  @Test
  void theReviewQueueListsOldestSubmissionFirstPageByPage() {
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = Listings.createDraft("queue-" + i, Listings.uniqueRegistrationNumber());
      Listings.submit(id);
      mine.add(id);
    }
    // Approving the first takes it out of the queue.
    String approved = Listings.createDraft("queue-x", Listings.uniqueRegistrationNumber());
    Listings.submit(approved);
    Listings.approve(approved);

    List<String> seen = new ArrayList<>();
    List<String> submittedAt = new ArrayList<>();
    String next = Listings.PATH + "/review-queue?limit=2";
    int pages = 0;
    while (next != null) {
      JsonPath page =
          given()
              .filter(Contracts.validator())
              .header("Authorization", "Bearer " + Tokens.of("ipa-reviewer", "r"))
              .get(next)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertTrue(page.getList("items").size() <= 2);
      seen.addAll(page.getList("items.listing.id"));
      submittedAt.addAll(page.getList("items.submittedAt"));
      List<String> ids = page.getList("items.listing.id");
      List<Boolean> passed = page.getList("items.criteria.passed");
      for (int i = 0; i < ids.size(); i++) {
        if (mine.contains(ids.get(i))) {
          assertEquals(Boolean.TRUE, passed.get(i), "each item shows its criteria evaluated");
        }
      }
      next = page.getString("next");
      pages++;
    }
    assertTrue(pages >= 2, "paged");
    assertEquals(seen.stream().distinct().count(), seen.size(), "no listing on two pages");
    List<String> ours = seen.stream().filter(mine::contains).toList();
    assertEquals(mine, ours, "oldest submission first");
    assertTrue(!seen.contains(approved), "approved listings leave the queue");
    List<java.time.OffsetDateTime> times =
        submittedAt.stream().map(java.time.OffsetDateTime::parse).toList();
    for (int i = 1; i < times.size(); i++) {
      assertTrue(!times.get(i).isBefore(times.get(i - 1)), "ordered by submission time");
    }

    given()
        .header("Authorization", "Bearer " + Tokens.of("ipa-reviewer", "r"))
        .get(Listings.PATH + "/review-queue?cursor=garbage")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("cursor"));
    given()
        .header("Authorization", "Bearer " + Tokens.of("ipa-reviewer", "r"))
        .get(Listings.PATH + "/review-queue?limit=0")
        .then()
        .statusCode(400);
  }

  private static void refused(io.restassured.response.ValidatableResponse response, String state) {
    response
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/invalid-transition"))
        .body("detail", containsString("A " + state + " listing"));
  }
}
