package jp.riss.community.event;

import static jp.riss.community.CommunityApi.member;
import static jp.riss.community.CommunityApi.office;
import static jp.riss.community.event.EventApi.EVENTS;
import static jp.riss.community.event.EventApi.MINE;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.community.MovableClock;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Seats, the waitlist and its offers, consent for minors and the opening rules. */
@QuarkusTest
class EventRegistrationTest {

  @Inject MovableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void seatsThenWaitlistThenFull() {
    String event = EventApi.open(EventApi.event("workshop", "in-person", 2, 2));
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      people.add(CommunityApi.enrolled(30 + i));
    }
    EventApi.register(event, people.get(0), 201).path("state").equals("confirmed");
    member(people.get(1))
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(EVENTS + "/" + event + "/registrations")
        .then()
        .statusCode(201)
        .body("state", equalTo("confirmed"));
    member(people.get(2))
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(EVENTS + "/" + event + "/registrations")
        .then()
        .statusCode(201)
        .body("state", equalTo("waitlisted"))
        .body("waitlistPosition", equalTo(1));
    EventApi.register(event, people.get(3), 201);
    EventApi.register(event, people.get(4), 409);
    EventApi.register(event, people.get(0), 409);
    office()
        .get(EVENTS + "/" + event)
        .then()
        .statusCode(200)
        .body("seats.confirmed", equalTo(2))
        .body("seats.waitlisted", equalTo(2))
        .body("safeguardingLead", equalTo("事務局 安全 花子"));
    // Members see that a lead is named, not who.
    member(people.get(0))
        .get(EVENTS + "/" + event)
        .then()
        .statusCode(200)
        .body("safeguardingLead", nullValue())
        .body("safeguardingLeadNamed", equalTo(true));
  }

  @Test
  void aCancelledSeatIsOfferedInOrderAndAnUntakenOfferPassesOn() {
    String event = EventApi.open(EventApi.event("alumni-event", "online", 1, 5));
    Person a = CommunityApi.enrolled(40);
    Person b = CommunityApi.enrolled(41);
    Person c = CommunityApi.enrolled(42);
    String ra = EventApi.register(event, a, 201).path("id");
    String rb = EventApi.register(event, b, 201).path("id");
    String rc = EventApi.register(event, c, 201).path("id");
    member(a).delete(MINE + "/" + ra).then().statusCode(200).body("state", equalTo("cancelled"));
    // b waited first, so b is offered the seat and told by mail; c keeps waiting, now first.
    member(b)
        .get(MINE)
        .then()
        .statusCode(200)
        .body("items.find { it.id == '" + rb + "' }.state", equalTo("offered"));
    assertTrue(CommunityApi.latestMail(b.email()).contains("キャンセル待ち"));
    member(c)
        .get(MINE)
        .then()
        .body("items.find { it.id == '" + rc + "' }.waitlistPosition", equalTo(1));
    // The seat is not c's to take while b's offer stands.
    member(c).post(MINE + "/" + rc + "/acceptance").then().statusCode(409);
    // 48 hours pass without b answering: the offer expires and passes on to c.
    clock.advance(Duration.ofHours(49));
    member(c)
        .get(MINE)
        .then()
        .body("items.find { it.id == '" + rc + "' }.state", equalTo("offered"));
    member(b).post(MINE + "/" + rb + "/acceptance").then().statusCode(409);
    member(b)
        .get(MINE)
        .then()
        .body("items.find { it.id == '" + rb + "' }.state", equalTo("expired"));
    member(c)
        .post(MINE + "/" + rc + "/acceptance")
        .then()
        .statusCode(200)
        .body("state", equalTo("confirmed"));
    office()
        .get(EVENTS + "/" + event + "/registrations")
        .then()
        .statusCode(200)
        .body("items.state", org.hamcrest.Matchers.contains("cancelled", "expired", "confirmed"));
    // Another member cannot touch c's registration.
    member(a).delete(MINE + "/" + rc).then().statusCode(404);
  }

  /**
   * Many members register at once for a few seats: exactly capacity are confirmed, the rest wait
   * with positions 1..n without gaps or repeats, and every confirmed registration arrived before
   * every waitlisted one.
   */
  @Test
  void concurrentRegistrationsNeverOverbookAndKeepArrivalOrder() throws Exception {
    int capacity = 5;
    int people = 40;
    String event = EventApi.open(EventApi.event("general-assembly", "online", capacity, 100));
    List<Person> members = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      members.add(CommunityApi.enrolled(25 + i % 30));
    }
    ExecutorService pool = Executors.newFixedThreadPool(people);
    try {
      List<Callable<String>> calls = new ArrayList<>();
      for (Person p : members) {
        calls.add(() -> EventApi.register(event, p, 201).path("state"));
      }
      List<String> states = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(calls)) {
        states.add(f.get());
      }
      assertEquals(capacity, states.stream().filter("confirmed"::equals).count());
      assertEquals(people - capacity, states.stream().filter("waitlisted"::equals).count());
    } finally {
      pool.shutdownNow();
    }
    List<Map<String, Object>> list =
        office()
            .queryParam("limit", "1000")
            .get(EVENTS + "/" + event + "/registrations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    assertEquals(people, list.size());
    for (int i = 0; i < list.size(); i++) {
      Map<String, Object> row = list.get(i);
      if (i < capacity) {
        assertEquals("confirmed", row.get("state"), "arrival " + i);
      } else {
        assertEquals("waitlisted", row.get("state"), "arrival " + i);
        assertEquals(i - capacity + 1, row.get("waitlistPosition"));
      }
    }
  }

  @Test
  void minorsNeedTheScopeThatFitsHowTheyAttend() {
    Map<String, Object> both = EventApi.event("workshop", "both", 10, 0);
    String event = EventApi.open(both);
    Person online = CommunityApi.minorWith(16, "membership", "events-online");
    member(online)
        .contentType(ContentType.JSON)
        .body(Map.of("attendance", "in-person"))
        .post(EVENTS + "/" + event + "/registrations")
        .then()
        .statusCode(403)
        .body("type", containsString("consent-missing"))
        .body("missingScope", equalTo("events-in-person"));
    member(online)
        .contentType(ContentType.JSON)
        .body(Map.of("attendance", "online"))
        .post(EVENTS + "/" + event + "/registrations")
        .then()
        .statusCode(201)
        .body("state", equalTo("confirmed"))
        .body("attendance", equalTo("online"));
    // For an event held both ways, how one attends must be said.
    CommunityApi.lenient(CommunityApi.enrolled(30).token())
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(EVENTS + "/" + event + "/registrations")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("attendance"));
    // An adults-only event is not for a 16-year-old at all.
    Map<String, Object> adults = EventApi.event("alumni-event", "online", 10, 0);
    adults.put("audience", Map.of("minAgeBand", "adult"));
    String adultEvent = EventApi.open(adults);
    EventApi.register(adultEvent, online, 403);
  }

  @Test
  void inPersonEventsWithMinorsNameASafeguardingLeadBeforeTheyOpen() {
    Map<String, Object> body = EventApi.event("camp-forum", "in-person", 30, 10);
    body.remove("safeguardingLead");
    var created = EventApi.create(body);
    String id = created.path("id");
    office()
        .header("If-Match", created.header("ETag"))
        .post(EVENTS + "/" + id + "/opening")
        .then()
        .statusCode(409)
        .body("violations.field", containsInAnyOrder("safeguardingLead"));
    // Drafts are not public.
    CommunityApi.checked().get(EVENTS + "/" + id).then().statusCode(404);
    body.put("safeguardingLead", "事務局 安全 花子");
    String etag =
        office()
            .header("If-Match", created.header("ETag"))
            .contentType(ContentType.JSON)
            .body(body)
            .put(EVENTS + "/" + id)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    office()
        .header("If-Match", etag)
        .post(EVENTS + "/" + id + "/opening")
        .then()
        .statusCode(200)
        .body("state", equalTo("open"));
    CommunityApi.checked().get(EVENTS + "/" + id).then().statusCode(200);
    // An adults-only in-person event needs no lead.
    Map<String, Object> adults = EventApi.event("exchange", "in-person", 30, 10);
    adults.remove("safeguardingLead");
    adults.put("audience", Map.of("minAgeBand", "adult"));
    EventApi.open(adults);
  }

  @Test
  void raisingCapacityOffersTheNewSeatsAndLoweringBelowTheTakenSeatsIsRefused() {
    Map<String, Object> body = EventApi.event("result-presentation", "online", 1, 3);
    String id = EventApi.open(body);
    Person a = CommunityApi.enrolled(33);
    Person b = CommunityApi.enrolled(34);
    EventApi.register(id, a, 201);
    EventApi.register(id, b, 201);
    String etag = office().get(EVENTS + "/" + id).then().extract().header("ETag");
    body.put("capacity", 2);
    office()
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(body)
        .put(EVENTS + "/" + id)
        .then()
        .statusCode(200)
        .body("seats.offered", equalTo(1))
        .body("seats.waitlisted", equalTo(0));
    etag = office().get(EVENTS + "/" + id).then().extract().header("ETag");
    body.put("capacity", 1);
    CommunityApi.lenient(Tokens.of("camp-office", "o"))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(body)
        .put(EVENTS + "/" + id)
        .then()
        .statusCode(409)
        .body("violations.field", containsInAnyOrder("capacity"));
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    Map<String, Object> bad = new HashMap<>(EventApi.event("workshop", "in-person", 10, 5));
    bad.put("kind", "party");
    bad.put("title", "");
    bad.put("capacity", 0);
    bad.put("waitlistLength", 10001);
    bad.put("startsAt", "2026-10-18T13:00:00");
    bad.put("prefecture", "48");
    bad.put("registrationClosesAt", "2020-01-01T00:00:00+09:00");
    bad.put("audience", Map.of("programmes", List.of("nope", "BAD"), "minAgeBand", "toddler"));
    CommunityApi.lenient(Tokens.of("camp-office", "o"))
        .contentType(ContentType.JSON)
        .body(bad)
        .post(EVENTS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "violations.field",
            containsInAnyOrder(
                "kind",
                "title",
                "capacity",
                "waitlistLength",
                "startsAt",
                "prefecture",
                "registrationClosesAt",
                "audience.programmes[0]",
                "audience.programmes[1]",
                "audience.minAgeBand"));
    CommunityApi.lenient(Tokens.of("camp-office", "o"))
        .queryParam("limit", "0")
        .queryParam("colour", "red")
        .get(EVENTS)
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("colour"));
  }

  @Test
  void thePublicListShowsOpenEventsOnlyAndPagesByCursor() {
    String open = EventApi.open(EventApi.event("general-assembly", "online", 100, 0));
    String draft = EventApi.create(EventApi.event("general-assembly", "online", 100, 0)).path("id");
    List<String> seen = new ArrayList<>();
    List<String> officeSeen = new ArrayList<>();
    String next = EVENTS + "?limit=50";
    while (next != null) {
      var page = CommunityApi.checked().get(next).then().statusCode(200).extract().jsonPath();
      seen.addAll(page.getList("items.id"));
      next = page.getString("next");
    }
    next = EVENTS + "?limit=50";
    while (next != null) {
      var page = office().get(next).then().statusCode(200).extract().jsonPath();
      officeSeen.addAll(page.getList("items.id"));
      next = page.getString("next");
    }
    assertTrue(seen.contains(open));
    assertTrue(!seen.contains(draft), "a draft is not public");
    assertTrue(officeSeen.contains(draft));
    assertEquals(seen.size(), seen.stream().distinct().count(), "no event twice across pages");
  }
}
