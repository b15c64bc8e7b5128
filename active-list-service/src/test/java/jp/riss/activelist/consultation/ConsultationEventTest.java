package jp.riss.activelist.consultation;

import static io.restassured.RestAssured.given;
import static jp.riss.activelist.inquiry.Matching.bearer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import jp.riss.activelist.inquiry.Matching;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/**
 * The FY2024 matching flow's first two steps (seed lines 500-519): a support body's consultation
 * event, invited specialists who confirm, registered SMEs, individual consultations without double
 * bookings, and what each found.
 */
@QuarkusTest
class ConsultationEventTest {

  static final String EVENTS = Matching.API + "/consultation-events";
  static final String DAY = "2026-12-10T";

  /** A day that stays ahead of the clock, for events that must not have started yet. */
  static final String AHEAD = LocalDate.now(ZoneOffset.ofHours(9)).plusDays(30) + "T";

  @Inject AgroalDataSource dataSource;

  static ValidatableResponse post(String role, String subject, String path, Object body) {
    var request =
        given().filter(Contracts.validator()).header("Authorization", bearer(role, subject));
    if (body != null) {
      request.contentType(ContentType.JSON).body(body);
    }
    return request.post(path).then();
  }

  static String event(String chamber, String... listings) {
    return eventOn(DAY, chamber, listings);
  }

  static String eventOn(String day, String chamber, String... listings) {
    return post(
            "support-body",
            chamber,
            EVENTS,
            Map.of(
                "title",
                "サイバーセキュリティ相談会",
                "startsAt",
                day + "13:00:00+09:00",
                "endsAt",
                day + "17:00:00+09:00",
                "venue",
                "商工会議所 大会議室",
                "online",
                false,
                "invitedListingIds",
                List.of(listings)))
        .statusCode(201)
        .body("invitations", hasSize(listings.length))
        .extract()
        .path("id");
  }

  /** The invited specialist confirms their invitation. */
  static void confirm(String specialist, String event, String listing) {
    post(
            "specialist",
            specialist,
            EVENTS + "/" + event + "/invitations/" + listing + "/confirm",
            null)
        .statusCode(200);
  }

  static String register(String chamber, String event, String company) {
    return post(
            "support-body",
            chamber,
            EVENTS + "/" + event + "/registrations",
            Map.of(
                "companyName", company,
                "industry", "E",
                "prefecture", "13",
                "sizeBand", "21-50",
                "themes", List.of(1, 5)))
        .statusCode(201)
        .extract()
        .path("id");
  }

  static ValidatableResponse book(
      String chamber, String event, String registration, String listing, String from, String to) {
    return bookOn(DAY, chamber, event, registration, listing, from, to);
  }

  static ValidatableResponse bookOn(
      String day,
      String chamber,
      String event,
      String registration,
      String listing,
      String from,
      String to) {
    return given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("support-body", chamber))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "registrationId",
                registration,
                "listingId",
                listing,
                "startsAt",
                day + from + ":00+09:00",
                "endsAt",
                day + to + ":00+09:00"))
        .post(EVENTS + "/" + event + "/slots")
        .then();
  }

  @Test
  void eventInvitationsSlotsAndOutcomes() {
    String a = Matching.publishedListing("ce-spec-a");
    String b = Matching.publishedListing("ce-spec-b");
    String event = event("ce-chamber", a, b);
    post("specialist", "ce-spec-a", EVENTS + "/" + event + "/invitations/" + a + "/confirm", null)
        .statusCode(200)
        .body("invitations", hasSize(1))
        .body("invitations[0].status", equalTo("CONFIRMED"));
    post("specialist", "ce-spec-b", EVENTS + "/" + event + "/invitations/" + b + "/decline", null)
        .statusCode(200);
    post("specialist", "ce-spec-b", EVENTS + "/" + event + "/invitations/" + b + "/confirm", null)
        .statusCode(409);

    String sme1 = register("ce-chamber", event, "第一工業株式会社");
    String sme2 = register("ce-chamber", event, "第二商店");
    String slot =
        book("ce-chamber", event, sme1, a, "13:30", "14:00")
            .statusCode(201)
            .body("outcome", equalTo(null))
            .extract()
            .path("id");
    book("ce-chamber", event, sme2, b, "13:30", "14:00")
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/specialist-not-confirmed"));

    post(
            "specialist",
            "ce-spec-a",
            EVENTS + "/" + event + "/slots/" + slot + "/outcome",
            Map.of(
                "issues", List.of("パスワードの使い回し", "規程がない"),
                "priorities", List.of(1, 5),
                "followUp", "GUIDANCE_ENGAGEMENT"))
        .statusCode(200)
        .body("outcome.priorities", contains(1, 5))
        .body("outcome.followUp", equalTo("GUIDANCE_ENGAGEMENT"))
        .body("outcome.recordedAt", notNullValue());
    post(
            "support-body",
            "ce-chamber",
            EVENTS + "/" + event + "/slots/" + slot + "/outcome",
            Map.of("issues", List.of(), "priorities", List.of(), "followUp", "NONE"))
        .statusCode(409);

    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("support-body", "ce-chamber"))
        .get(EVENTS + "/" + event)
        .then()
        .statusCode(200)
        .body("registrations", hasSize(2))
        .body("invitations", hasSize(2))
        .body("slots[0].outcome.issues", hasItem("規程がない"));
  }

  @Test
  void noSpecialistOrSmeIsBookedTwiceAtOnce() throws Exception {
    String a = Matching.publishedListing("ce-spec-c");
    String b = Matching.publishedListing("ce-spec-d");
    String event = event("ce-chamber-2", a, b);
    confirm("ce-spec-c", event, a);
    confirm("ce-spec-d", event, b);
    String sme1 = register("ce-chamber-2", event, "甲工業");
    String sme2 = register("ce-chamber-2", event, "乙製作所");
    book("ce-chamber-2", event, sme1, a, "14:00", "14:45").statusCode(201);

    book("ce-chamber-2", event, sme2, a, "14:30", "15:00")
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/slot-double-booked"));
    book("ce-chamber-2", event, sme1, b, "14:15", "14:30")
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/slot-double-booked"));
    // Back to back is fine.
    book("ce-chamber-2", event, sme2, a, "14:45", "15:15").statusCode(201);
    // A specialist is not in two events at once either.
    String other = event("ce-chamber-3", a);
    confirm("ce-spec-c", other, a);
    String sme3 = register("ce-chamber-3", other, "丙商事");
    book("ce-chamber-3", other, sme3, a, "14:00", "14:30").statusCode(409);

    book("ce-chamber-2", event, sme2, a, "18:00", "18:30")
        .statusCode(400)
        .body("violations.field", hasItem("startsAt"));
    assertEquals(2, slotsOf(event));
  }

  @Test
  void badEventsAndRegistrationsAreNamedFieldByFieldAndStoreNothing() throws Exception {
    String draftOwner = "ce-spec-draft";
    int before =
        Matching.intQuery(
            dataSource,
            "SELECT count(*) FROM consultation_event WHERE owner_subject = ?",
            "ce-chamber-4");
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("support-body", "ce-chamber-4"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "title",
                "相談会",
                "startsAt",
                DAY + "13:00:00+09:00",
                "endsAt",
                DAY + "12:00:00+09:00",
                "online",
                false,
                "invitedListingIds",
                List.of("00000000-0000-0000-0000-000000000042", draftOwner)))
        .post(EVENTS)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("endsAt"))
        .body("violations.field", hasItem("venue"));
    assertEquals(
        before,
        Matching.intQuery(
            dataSource,
            "SELECT count(*) FROM consultation_event WHERE owner_subject = ?",
            "ce-chamber-4"));

    String event = event("ce-chamber-4");
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("support-body", "ce-chamber-4"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "companyName", "丁社",
                "industry", "E",
                "prefecture", "13",
                "sizeBand", "huge",
                "themes", List.of(77)))
        .post(EVENTS + "/" + event + "/registrations")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("sizeBand"))
        .body("violations.field", hasItem("themes[0]"));
    assertEquals(
        0,
        Matching.intQuery(
            dataSource,
            "SELECT count(*) FROM consultation_registration WHERE event_id = CAST(? AS uuid)",
            event));
  }

  @Test
  void supportBodiesSeeTheirOwnEventsAndSpecialistsOnlyTheirPart() {
    String a = Matching.publishedListing("ce-spec-e");
    String b = Matching.publishedListing("ce-spec-f");
    String event = event("ce-chamber-5", a, b);
    confirm("ce-spec-e", event, a);
    confirm("ce-spec-f", event, b);
    String sme1 = register("ce-chamber-5", event, "見える社");
    String sme2 = register("ce-chamber-5", event, "見えない社");
    book("ce-chamber-5", event, sme1, a, "13:00", "13:30").statusCode(201);
    String slotB =
        book("ce-chamber-5", event, sme2, b, "13:00", "13:30").statusCode(201).extract().path("id");

    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", "ce-spec-e"))
        .get(EVENTS + "/" + event)
        .then()
        .statusCode(200)
        .body("invitations.listingId", contains(a))
        .body("slots.listingId", contains(a))
        .body("registrations.companyName", contains("見える社"));
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", "ce-spec-e"))
        .get(EVENTS)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(event));

    for (String[] outsider :
        new String[][] {
          {"support-body", "ce-chamber-other"}, {"specialist", "ce-spec-uninvited"}
        }) {
      given()
          .filter(Contracts.validator())
          .header("Authorization", bearer(outsider[0], outsider[1]))
          .get(EVENTS + "/" + event)
          .then()
          .statusCode(404);
    }
    given()
        .header("Authorization", bearer("support-body", "ce-chamber-other"))
        .get(EVENTS)
        .then()
        .body("items", hasSize(0));
    // Another invited specialist cannot answer or record for someone else's listing or slot.
    post("specialist", "ce-spec-e", EVENTS + "/" + event + "/invitations/" + b + "/decline", null)
        .statusCode(404);
    post(
            "specialist",
            "ce-spec-e",
            EVENTS + "/" + event + "/slots/" + slotB + "/outcome",
            Map.of("issues", List.of(), "priorities", List.of(), "followUp", "NONE"))
        .statusCode(404);
    given()
        .header("Authorization", bearer("support-body", "ce-chamber-other"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "companyName",
                "x",
                "industry",
                "E",
                "prefecture",
                "13",
                "sizeBand",
                "1-5",
                "themes",
                List.of(1)))
        .post(EVENTS + "/" + event + "/registrations")
        .then()
        .statusCode(404);
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("ipa-reviewer", "ipa"))
        .get(EVENTS + "/" + event)
        .then()
        .statusCode(200)
        .body("slots", hasSize(2));
  }

  static ValidatableResponse cancel(String role, String subject, String path, String reason) {
    return post(role, subject, path + "/cancel", Map.of("reason", reason));
  }

  static Map<String, Object> outcome() {
    return Map.of("issues", List.of("規程がない"), "priorities", List.of(1), "followUp", "NONE");
  }

  static String problem(String slug) {
    return "https://riss.example/problems/" + slug;
  }

  @Test
  void aCancelledEventKeepsItsHistoryFreesItsSlotsAndTakesNoMoreChanges() {
    String a = Matching.publishedListing("ce-cancel-a");
    String b = Matching.publishedListing("ce-cancel-b");
    String event = eventOn(AHEAD, "ce-cancel-chamber", a, b);
    String path = EVENTS + "/" + event;
    confirm("ce-cancel-a", event, a);
    String sme = register("ce-cancel-chamber", event, "中止工業");
    bookOn(AHEAD, "ce-cancel-chamber", event, sme, a, "13:00", "13:30").statusCode(201);

    // Only the event's support body (or IPA) cancels it; others who cannot see it get 404.
    cancel("support-body", "ce-cancel-other", path, "台風のため").statusCode(404);
    cancel("specialist", "ce-cancel-a", path, "台風のため").statusCode(403);
    for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of(), Map.of("reason", "  "))) {
      badCancel("ce-cancel-chamber", path, bad);
    }
    badCancel("ce-cancel-chamber", path, Map.of("reason", "長".repeat(501)));

    cancel("support-body", "ce-cancel-chamber", path, " 台風接近のため中止します ")
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("cancellationReason", equalTo("台風接近のため中止します"))
        .body("cancelledAt", notNullValue())
        .body("registrations.companyName", contains("中止工業"))
        .body("slots.status", contains("CANCELLED"))
        .body("slots[0].cancellationReason", equalTo("台風接近のため中止します"));
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", "ce-cancel-a"))
        .get(path)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("cancellationReason", equalTo("台風接近のため中止します"))
        .body("slots.status", contains("CANCELLED"));

    cancel("support-body", "ce-cancel-chamber", path, "もう一度")
        .statusCode(409)
        .body("type", equalTo(problem("event-cancelled")));
    post(
            "support-body",
            "ce-cancel-chamber",
            path + "/registrations",
            Map.of(
                "companyName", "後から社",
                "industry", "E",
                "prefecture", "13",
                "sizeBand", "21-50",
                "themes", List.of(1)))
        .statusCode(409)
        .body("type", equalTo(problem("event-cancelled")));
    bookOn(AHEAD, "ce-cancel-chamber", event, sme, a, "14:00", "14:30")
        .statusCode(409)
        .body("type", equalTo(problem("event-cancelled")));
    post("specialist", "ce-cancel-b", path + "/invitations/" + b + "/confirm", null)
        .statusCode(409)
        .body("type", equalTo(problem("event-cancelled")));
    String slot =
        given()
            .header("Authorization", bearer("support-body", "ce-cancel-chamber"))
            .get(path)
            .then()
            .extract()
            .path("slots[0].id");
    post("specialist", "ce-cancel-a", path + "/slots/" + slot + "/outcome", outcome())
        .statusCode(409)
        .body("type", equalTo(problem("event-cancelled")));

    // The specialist's afternoon is free again: another chamber books them at the same time.
    String other = eventOn(AHEAD, "ce-cancel-chamber-2", a);
    confirm("ce-cancel-a", other, a);
    String sme2 = register("ce-cancel-chamber-2", other, "代替商事");
    bookOn(AHEAD, "ce-cancel-chamber-2", other, sme2, a, "13:00", "13:30").statusCode(201);

    // IPA may cancel any event.
    cancel("ipa-admin", "ipa", EVENTS + "/" + other, "主催者からの依頼")
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
  }

  @Test
  void anEventThatHasStartedCannotBeCancelled() {
    String yesterday = LocalDate.now(ZoneOffset.ofHours(9)).minusDays(1) + "T";
    String event = eventOn(yesterday, "ce-cancel-chamber-3");
    cancel("support-body", "ce-cancel-chamber-3", EVENTS + "/" + event, "遅すぎる中止")
        .statusCode(409)
        .body("type", equalTo(problem("event-started")));
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("support-body", "ce-cancel-chamber-3"))
        .get(EVENTS + "/" + event)
        .then()
        .statusCode(200)
        .body("status", equalTo("SCHEDULED"))
        .body("cancelledAt", equalTo(null));
  }

  @Test
  void aCancelledSlotFreesTheSpecialistAndTheSmeAndTakesNoOutcome() {
    String a = Matching.publishedListing("ce-slot-a");
    String b = Matching.publishedListing("ce-slot-b");
    String event = eventOn(AHEAD, "ce-slot-chamber", a, b);
    String path = EVENTS + "/" + event;
    confirm("ce-slot-a", event, a);
    confirm("ce-slot-b", event, b);
    String sme1 = register("ce-slot-chamber", event, "取消工業");
    String sme2 = register("ce-slot-chamber", event, "繰上商店");
    String slot =
        bookOn(AHEAD, "ce-slot-chamber", event, sme1, a, "13:00", "13:30")
            .statusCode(201)
            .body("status", equalTo("BOOKED"))
            .extract()
            .path("id");
    bookOn(AHEAD, "ce-slot-chamber", event, sme2, a, "13:00", "13:30")
        .statusCode(409)
        .body("type", equalTo(problem("slot-double-booked")));

    // Neither another invited specialist nor another support body can see this slot.
    cancel("specialist", "ce-slot-b", path + "/slots/" + slot, "代理で取消").statusCode(404);
    cancel("support-body", "ce-slot-other", path + "/slots/" + slot, "代理で取消").statusCode(404);
    badCancel("ce-slot-chamber", path + "/slots/" + slot, Map.of("reason", ""));

    cancel("specialist", "ce-slot-a", path + "/slots/" + slot, "体調不良のため")
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("cancellationReason", equalTo("体調不良のため"))
        .body("cancelledAt", notNullValue());
    // The same specialist and the same SME can be booked at that time again.
    bookOn(AHEAD, "ce-slot-chamber", event, sme2, a, "13:00", "13:30").statusCode(201);
    String slotB =
        bookOn(AHEAD, "ce-slot-chamber", event, sme1, b, "13:00", "13:30")
            .statusCode(201)
            .extract()
            .path("id");

    post("specialist", "ce-slot-a", path + "/slots/" + slot + "/outcome", outcome())
        .statusCode(409)
        .body("type", equalTo(problem("slot-cancelled")));
    cancel("support-body", "ce-slot-chamber", path + "/slots/" + slot, "二重の取消")
        .statusCode(409)
        .body("type", equalTo(problem("slot-cancelled")));

    // A consultation that took place (its outcome recorded) is not cancelled afterwards.
    post("support-body", "ce-slot-chamber", path + "/slots/" + slotB + "/outcome", outcome())
        .statusCode(200);
    cancel("support-body", "ce-slot-chamber", path + "/slots/" + slotB, "SMEの辞退")
        .statusCode(409)
        .body("type", equalTo(problem("outcome-recorded")));

    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("support-body", "ce-slot-chamber"))
        .get(path)
        .then()
        .statusCode(200)
        .body("status", equalTo("SCHEDULED"))
        .body("slots", hasSize(3))
        .body("slots.findAll { it.status == 'CANCELLED' }.id", contains(slot))
        .body(
            "slots.findAll { it.status == 'CANCELLED' }[0].cancellationReason", equalTo("体調不良のため"));
  }

  /** A missing, blank or too long reason is a 400 naming the field, and changes nothing. */
  private static void badCancel(String chamber, String path, Map<String, Object> body) {
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("support-body", chamber))
        .contentType(ContentType.JSON)
        .body(body)
        .post(path + "/cancel")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("reason"));
  }

  private int slotsOf(String event) throws Exception {
    return Matching.intQuery(
        dataSource,
        "SELECT count(*) FROM consultation_slot WHERE event_id = CAST(? AS uuid)",
        event);
  }
}
