package jp.riss.activelist.inquiry;

import static io.restassured.RestAssured.given;
import static jp.riss.activelist.inquiry.Matching.INQUIRIES;
import static jp.riss.activelist.inquiry.Matching.bearer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.TestClock;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.Test;

/** An SME's inquiry from sending to its end, and the listing load it holds meanwhile. */
@QuarkusTest
class InquiryFlowTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void sentAcceptedCompletedHoldsOnePlaceUntilClosedAndSharesContactsAsAgreed() throws Exception {
    String listing = Matching.publishedListing("flow-spec-a");
    String id =
        Matching.send("company", "flow-sme-a", Matching.inquiry(listing, Matching.sme(), false))
            .statusCode(201)
            .header("ETag", notNullValue())
            .body("status", equalTo("SENT"))
            .body("requestedBy", equalTo("company"))
            .body("smeContact.name", equalTo("総務 花子"))
            .body("specialistContact", nullValue())
            .extract()
            .path("id");
    assertEquals(1, Matching.openInquiries(dataSource, listing));

    String respondBy =
        given()
            .filter(Contracts.validator())
            .header("Authorization", bearer("specialist", "flow-spec-a"))
            .get(INQUIRIES + "/" + id)
            .then()
            .statusCode(200)
            .body("sme.companyName", equalTo("株式会社テスト製作所"))
            .body("smeContact", nullValue()) // no consent: the specialist does not see it
            .extract()
            .path("respondBy");
    String createdAt =
        given()
            .header("Authorization", bearer("company", "flow-sme-a"))
            .get(INQUIRIES + "/" + id)
            .then()
            .extract()
            .path("createdAt");
    assertEquals(
        Duration.ofDays(7),
        Duration.between(OffsetDateTime.parse(createdAt), OffsetDateTime.parse(respondBy)));

    Matching.act("specialist", "flow-spec-a", id, "accept", null)
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"));
    assertEquals(1, Matching.openInquiries(dataSource, listing), "accepting keeps the place");
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("company", "flow-sme-a"))
        .get(INQUIRIES + "/" + id)
        .then()
        .body("specialistContact.email", equalTo("flow-spec-a@example.jp"));

    Matching.act("company", "flow-sme-a", id, "close", Map.of("outcome", "COMPLETED"))
        .statusCode(200)
        .body("status", equalTo("COMPLETED"))
        .body("closedAt", notNullValue());
    assertEquals(0, Matching.openInquiries(dataSource, listing));
    Matching.act("company", "flow-sme-a", id, "close", Map.of("outcome", "CANCELLED"))
        .statusCode(409);
    assertEquals(0, Matching.openInquiries(dataSource, listing), "a refused close frees nothing");
  }

  @Test
  void withConsentTheSpecialistSeesTheSmesContact() {
    String listing = Matching.publishedListing("flow-spec-b");
    String id = Matching.sent("flow-sme-b", listing, true);
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", "flow-spec-b"))
        .get(INQUIRIES + "/" + id)
        .then()
        .body("smeContact.email", equalTo("soumu@test-seisakusho.example"));
  }

  @Test
  void aDeclinedInquiryFreesItsPlaceAndOffersItsSenderOtherSpecialists() throws Exception {
    String declining = Matching.publishedListing("flow-spec-c", "prefectures", List.of("31"));
    String other = Matching.publishedListing("flow-spec-d", "prefectures", List.of("31"));
    String id =
        Matching.send(
                "support-body",
                "flow-chamber",
                Matching.inquiry(declining, Matching.sme("prefecture", "31"), true))
            .statusCode(201)
            .body("requestedBy", equalTo("support-body"))
            .extract()
            .path("id");

    Matching.act(
            "specialist",
            "flow-spec-c",
            id,
            "decline",
            Map.of("reason", "fully-booked", "note", "来月以降なら可能です"))
        .statusCode(200)
        .body("status", equalTo("DECLINED"))
        .body("declineReason", equalTo("fully-booked"));
    assertEquals(0, Matching.openInquiries(dataSource, declining));

    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("support-body", "flow-chamber"))
        .get(INQUIRIES + "/" + id)
        .then()
        .statusCode(200)
        .body("alternatives.listingId", hasItem(other))
        .body("alternatives.listingId", not(hasItem(declining)))
        .body("specialistContact", nullValue());
    given()
        .header("Authorization", bearer("specialist", "flow-spec-c"))
        .get(INQUIRIES + "/" + id)
        .then()
        .body("alternatives", nullValue());
  }

  @Test
  void unansweredInquiriesExpireAndTheirSendersGetAlternatives() throws Exception {
    String silent = Matching.publishedListing("flow-spec-e", "prefectures", List.of("32"));
    String other = Matching.publishedListing("flow-spec-f", "prefectures", List.of("32"));
    String id =
        Matching.send(
                "company",
                "flow-sme-e",
                Matching.inquiry(silent, Matching.sme("prefecture", "32"), true))
            .statusCode(201)
            .extract()
            .path("id");
    String respondBy =
        given()
            .header("Authorization", bearer("company", "flow-sme-e"))
            .get(INQUIRIES + "/" + id)
            .then()
            .extract()
            .path("respondBy");

    // Shortly before the deadline by the service's clock nothing of ours expires; a second after
    // it, the run expires it.
    OffsetDateTime deadline = OffsetDateTime.parse(respondBy);
    assertFalse(expireAt(deadline.minusMinutes(1)).contains(id));
    assertTrue(expireAt(deadline.plusSeconds(1)).contains(id));
    assertEquals(0, Matching.openInquiries(dataSource, silent));
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("company", "flow-sme-e"))
        .get(INQUIRIES + "/" + id)
        .then()
        .body("status", equalTo("EXPIRED"))
        .body("alternatives.listingId", hasItem(other))
        .body("alternatives.listingId", not(hasItem(silent)));
    Matching.act("specialist", "flow-spec-e", id, "accept", null).statusCode(409);
    assertEquals(0, Matching.openInquiries(dataSource, silent));
  }

  @Test
  void notAcceptingUntilADateEndsAfterThatDate() {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    String back =
        Matching.publishedListing(
            "flow-spec-back",
            "availability",
            Map.of("status", "NOT_ACCEPTING", "until", today.minusDays(1).toString()));
    Matching.send("company", "flow-sme-back", Matching.inquiry(back, Matching.sme(), false))
        .statusCode(201);
    String away =
        Matching.publishedListing(
            "flow-spec-away",
            "availability",
            Map.of("status", "NOT_ACCEPTING", "until", today.toString()));
    Matching.send("company", "flow-sme-back", Matching.inquiry(away, Matching.sme(), false))
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/listing-not-accepting"));
  }

  @Test
  void aFullNotAcceptingOrUnpublishedListingTakesNoInquiryAndNothingIsStored() throws Exception {
    String full = Matching.publishedListing("flow-spec-g", "capacity", 1);
    Matching.sent("flow-sme-g", full, false);
    Matching.send("company", "flow-sme-h", Matching.inquiry(full, Matching.sme(), false))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/listing-at-capacity"));
    assertEquals(1, Matching.openInquiries(dataSource, full));
    assertEquals(1, inquiriesTo(full));

    String resting =
        Matching.publishedListing("flow-spec-h", "availability", Map.of("status", "NOT_ACCEPTING"));
    Matching.send("company", "flow-sme-h", Matching.inquiry(resting, Matching.sme(), false))
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/listing-not-accepting"));
    assertEquals(0, inquiriesTo(resting));

    String withdrawn = Matching.publishedListing("flow-spec-i");
    given()
        .header("Authorization", bearer("specialist", "flow-spec-i"))
        .post(Matching.API + "/listings/" + withdrawn + "/withdraw")
        .then()
        .statusCode(200);
    Matching.send("company", "flow-sme-h", Matching.inquiry(withdrawn, Matching.sme(), false))
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/listing-not-published"));
    Matching.send(
            "company",
            "flow-sme-h",
            Matching.inquiry(UUID.randomUUID().toString(), Matching.sme(), false))
        .statusCode(404);
  }

  @Test
  void badInputNamesTheFieldAndStoresNothing() throws Exception {
    String listing = Matching.publishedListing("flow-spec-j");
    Map<String, Object> body =
        Matching.inquiry(listing, Matching.sme("sizeBand", "7-8", "themes", List.of(42)), false);
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("company", "flow-sme-j"))
        .contentType(ContentType.JSON)
        .body(body)
        .post(INQUIRIES)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("sme.sizeBand"))
        .body("violations.field", hasItem("sme.themes[0]"));
    Map<String, Object> tooLong = Matching.inquiry(listing, Matching.sme(), false);
    tooLong.put("message", "あ".repeat(2001));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("company", "flow-sme-j"))
        .contentType(ContentType.JSON)
        .body(tooLong)
        .post(INQUIRIES)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("message"));
    Map<String, Object> badId = Matching.inquiry("not-a-uuid", Matching.sme(), false);
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("company", "flow-sme-j"))
        .contentType(ContentType.JSON)
        .body(badId)
        .post(INQUIRIES)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("listingId"));
    assertEquals(0, Matching.openInquiries(dataSource, listing));
    assertEquals(0, inquiriesTo(listing));

    String id = Matching.sent("flow-sme-j", listing, false);
    Matching.act("specialist", "flow-spec-j", id, "decline", Map.of("reason", "bored"))
        .statusCode(400)
        .body("violations.field", hasItem("reason"));
    given()
        .header("Authorization", bearer("company", "flow-sme-j"))
        .queryParam("status", "LOST")
        .get(INQUIRIES)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("status"));
    assertEquals(1, Matching.openInquiries(dataSource, listing));
  }

  @Test
  void aRetriedCreateWithTheSameKeyIsOneInquiry() throws Exception {
    String listing = Matching.publishedListing("flow-spec-k");
    Map<String, Object> body = Matching.inquiry(listing, Matching.sme(), false);
    String key = UUID.randomUUID().toString();
    String first =
        given()
            .filter(Contracts.validator())
            .header("Authorization", bearer("company", "flow-sme-k"))
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(body)
            .post(INQUIRIES)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .header("Authorization", bearer("company", "flow-sme-k"))
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .post(INQUIRIES)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    assertEquals(1, Matching.openInquiries(dataSource, listing));
  }

  @Test
  void stateChangesNeedTheCurrentETag() {
    String listing = Matching.publishedListing("flow-spec-l");
    String id = Matching.sent("flow-sme-l", listing, false);
    // Without the header the contract requires: only the answer can be checked against it.
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("specialist", "flow-spec-l"))
        .post(INQUIRIES + "/" + id + "/accept")
        .then()
        .statusCode(428);
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", "flow-spec-l"))
        .header("If-Match", "\"99\"")
        .post(INQUIRIES + "/" + id + "/accept")
        .then()
        .statusCode(412)
        .body("currentETag", notNullValue());
  }

  @Test
  void eventsTellTheStoryWithoutContactsOrMessages() {
    String listing = Matching.publishedListing("flow-spec-m");
    String id = Matching.sent("flow-sme-m", listing, true);
    Matching.act("specialist", "flow-spec-m", id, "accept", null).statusCode(200);
    Matching.act("specialist", "flow-spec-m", id, "close", Map.of("outcome", "CANCELLED"))
        .statusCode(200);
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), InquiryChanged.TOPIC)) {
      JsonNode closed =
          log.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && InquiryChanged.CLOSED.equals(e.path("type").asText()),
              Duration.ofSeconds(15));
      assertEquals("CANCELLED", closed.path("data").path("status").asText());
      List<String> types =
          log.records().stream()
              .filter(r -> id.equals(r.key()))
              .map(r -> jp.riss.platform.events.EventJson.read(r.value()).type())
              .toList();
      assertEquals(
          List.of(InquiryChanged.CREATED, InquiryChanged.ACCEPTED, InquiryChanged.CLOSED), types);
      log.records().stream()
          .filter(r -> id.equals(r.key()))
          .forEach(
              r -> {
                assertEquals(Set.of(), EventSchemas.violations(InquiryChanged.SCHEMA, r.value()));
                assertFalse(r.value().contains("soumu@"), "no contact in events");
                assertFalse(r.value().contains("テスト製作所"), "no company name in events");
                assertFalse(r.value().contains("取引先から"), "no message in events");
              });
      assertTrue(types.size() == 3);
    }
  }

  private int inquiriesTo(String listingId) throws Exception {
    return Matching.intQuery(
        dataSource, "SELECT count(*) FROM inquiry WHERE listing_id = CAST(? AS uuid)", listingId);
  }

  /** The expiry run as IPA starts it, with the service's clock moved to {@code at} meanwhile. */
  private static List<String> expireAt(OffsetDateTime at) {
    TestClock.CLOCK.advance(Duration.between(OffsetDateTime.now(), at));
    try {
      return given()
          .filter(Contracts.validator())
          .header("Authorization", bearer("ipa-admin", "admin"))
          .post(INQUIRIES + "/expire")
          .then()
          .statusCode(200)
          .extract()
          .path("inquiryIds");
    } finally {
      TestClock.CLOCK.reset();
    }
  }
}
