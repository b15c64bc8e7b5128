package jp.riss.activelist.verification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.listing.Listings;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.testing.EventSender;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deemed-attendance service's approvals and revocations become the verified training status of
 * the specialist's listing; redelivery and reordering leave the latest decision.
 */
@QuarkusTest
class DeemedAttendanceStatusTest {

  private static final EventSource DEEMED = EventSource.of("deemed-attendance-service");
  private final EventSender sender = new EventSender();

  @AfterEach
  void close() {
    sender.close();
  }

  private static CloudEvent decision(
      String type, String number, UUID application, OffsetDateTime decidedAt) {
    return decision(type, number, application, decidedAt, LocalDate.of(2024, 4, 1));
  }

  private static CloudEvent decision(
      String type, String number, UUID application, OffsetDateTime decidedAt, LocalDate start) {
    return DEEMED.create(
        type,
        application.toString(),
        "deemedattendance.application.v1",
        new DeemedAttendanceDecision(
            application,
            number,
            "practical-course",
            start,
            start.plusYears(3).minusDays(1),
            decidedAt,
            null));
  }

  private void send(CloudEvent event) {
    sender.send(DeemedAttendanceDecision.TOPIC, event.subject(), EventJson.write(event));
  }

  private static JsonPath listing(String owner, String id) {
    return given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
        .get("/api/v1/active-list/listings/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void anApprovalThenARevocationShowAsTheVerifiedTrainingStatus() {
    String number = Listings.uniqueRegistrationNumber();
    String id = Listings.createDraft("deemed-a", number);
    UUID application = UUID.randomUUID();
    OffsetDateTime approvedAt = OffsetDateTime.now().minusDays(30);

    CloudEvent approved =
        decision(DeemedAttendanceDecision.APPROVED, number, application, approvedAt);
    send(approved);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "APPROVED"
                    .equals(listing("deemed-a", id).getString("verified.deemedAttendance.status")));
    JsonPath shown = listing("deemed-a", id);
    assertEquals("deemed-attendance-service", shown.getString("verified.deemedAttendance.source"));
    assertEquals("2027-03-31", shown.getString("verified.deemedAttendance.cycleExpiry"));

    send(decision(DeemedAttendanceDecision.REVOKED, number, application, approvedAt.plusDays(20)));
    // The approval redelivered after the revocation must not undo it.
    send(approved);
    CloudEvent marker =
        decision(DeemedAttendanceDecision.APPROVED, "999999", UUID.randomUUID(), approvedAt);
    send(marker);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "REVOKED"
                    .equals(listing("deemed-a", id).getString("verified.deemedAttendance.status")));
    await().atMost(Duration.ofSeconds(15)).until(() -> DeemedAttendanceStatusTest.stored("999999"));
    assertEquals("REVOKED", listing("deemed-a", id).getString("verified.deemedAttendance.status"));

    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "deemed-a"))
        .get("/api/v1/active-list/listings/" + id + "/history")
        .then()
        .statusCode(200)
        .body(
            "items.findAll { it.action == 'VERIFIED_FACT_CHANGED' }.actor",
            org.hamcrest.Matchers.everyItem(
                org.hamcrest.Matchers.equalTo("deemed-attendance-service")));
  }

  static boolean stored(String number) {
    return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .call(() -> DeemedAttendanceStatus.of(number, null) != null);
  }

  @Test
  void aDecisionArrivingBeforeTheListingIsKeptForIt() {
    String number = Listings.uniqueRegistrationNumber();
    send(
        decision(
            DeemedAttendanceDecision.APPROVED, number, UUID.randomUUID(), OffsetDateTime.now()));
    await().atMost(Duration.ofSeconds(15)).until(() -> stored(number));

    String id = Listings.createDraft("deemed-b", number);
    assertEquals("APPROVED", listing("deemed-b", id).getString("verified.deemedAttendance.status"));
  }

  @Test
  void otherTypesOnTheTopicAreIgnoredAndABrokenDecisionDoesNotStopTheConsumer() {
    String number = Listings.uniqueRegistrationNumber();
    send(
        DEEMED.create(
            "jp.riss.deemedattendance.application-submitted",
            UUID.randomUUID().toString(),
            "deemedattendance.application.v1",
            Map.of("registrationNumber", number)));
    sender.send(DeemedAttendanceDecision.TOPIC, "k", "{not json");
    send(
        DEEMED.create(
            DeemedAttendanceDecision.APPROVED,
            UUID.randomUUID().toString(),
            "deemedattendance.application.v1",
            Map.of("registrationNumber", "12")));
    send(
        decision(
            DeemedAttendanceDecision.APPROVED, number, UUID.randomUUID(), OffsetDateTime.now()));
    await().atMost(Duration.ofSeconds(15)).until(() -> stored(number));
  }

  @Test
  void aDecisionAboutAnotherCycleDoesNotOverwriteTheCurrentCyclesDecision() {
    String number = Listings.uniqueRegistrationNumber();
    String id = Listings.createDraft("deemed-c", number);
    LocalDate current = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusYears(1);
    OffsetDateTime approvedAt = OffsetDateTime.now().minusDays(10);
    send(
        decision(
            DeemedAttendanceDecision.APPROVED, number, UUID.randomUUID(), approvedAt, current));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "APPROVED"
                    .equals(listing("deemed-c", id).getString("verified.deemedAttendance.status")));

    // The previous cycle's approval revoked later (a sample audit of the old cycle).
    send(
        decision(
            DeemedAttendanceDecision.REVOKED,
            number,
            UUID.randomUUID(),
            approvedAt.plusDays(5),
            current.minusYears(3)));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(
                        () ->
                            DeemedAttendanceStatus.findById(
                                    new DeemedAttendanceStatus.Key(number, current.minusYears(3)))
                                != null));
    JsonPath shown = listing("deemed-c", id);
    assertEquals("APPROVED", shown.getString("verified.deemedAttendance.status"));
    assertEquals(current.toString(), shown.getString("verified.deemedAttendance.cycleStart"));
  }
}
