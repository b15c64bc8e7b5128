package jp.riss.community.event;

import static jp.riss.community.CommunityApi.member;
import static jp.riss.community.CommunityApi.office;
import static jp.riss.community.event.EventApi.EVENTS;
import static jp.riss.community.event.EventApi.MINE;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The organiser cancels an event: registrants hear of it, nothing more is taken, calendars show it
 * cancelled; registrations take an Idempotency-Key; lifecycle facts leave as schema-valid events.
 */
@QuarkusTest
class EventCancellationTest {

  static String etag(String id) {
    return office().get(EVENTS + "/" + id).then().statusCode(200).extract().header("ETag");
  }

  @Test
  void theOrganiserCancelsRegistrantsAreToldAndNothingMoreIsTaken() {
    String id = EventApi.open(EventApi.event("workshop", "online", 1, 5));
    Person confirmed = CommunityApi.enrolled(30);
    Person waiting = CommunityApi.enrolled(31);
    Person late = CommunityApi.enrolled(32);
    EventApi.register(id, confirmed, 201).path("state");
    String waitingReg = EventApi.register(id, waiting, 201).path("id");

    // Another camp-office member is not the organiser.
    CommunityApi.office2()
        .header("If-Match", etag(id))
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "講師の体調不良のため"))
        .post(EVENTS + "/" + id + "/cancellation")
        .then()
        .statusCode(403)
        .body("type", org.hamcrest.Matchers.endsWith("not-organiser"));
    // A reason is required, and bounded.
    CommunityApi.lenient(Tokens.of("camp-office", CommunityApi.OFFICE_SUBJECT))
        .header("If-Match", etag(id))
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "x".repeat(501)))
        .post(EVENTS + "/" + id + "/cancellation")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("reason"));

    office()
        .header("If-Match", etag(id))
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "講師の体調不良のため"))
        .post(EVENTS + "/" + id + "/cancellation")
        .then()
        .statusCode(200)
        .body("state", equalTo("cancelled"));

    for (Person p : List.of(confirmed, waiting)) {
      String mail = CommunityApi.latestMail(p.email());
      assertTrue(mail.contains("中止") && mail.contains("講師の体調不良のため"), mail);
    }
    assertFalse(CommunityApi.latestMail(late.email()).contains("中止"), "not registered: not told");
    EventApi.register(id, late, 409).path("type");
    office()
        .header("If-Match", etag(id))
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "再度"))
        .post(EVENTS + "/" + id + "/cancellation")
        .then()
        .statusCode(409);
    // The waitlisted member's registration is kept but no seat can be taken any more.
    member(waiting).post(MINE + "/" + waitingReg + "/acceptance").then().statusCode(409);

    String ics =
        CommunityApi.checked()
            .get(EVENTS + "/" + id + "/calendar")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(ics.contains("STATUS:CANCELLED"), ics);
  }

  @Test
  void aRetriedRegistrationWithTheSameKeyIsAnsweredOnce() {
    String id = EventApi.open(EventApi.event("workshop", "online", 5, 5));
    Person p = CommunityApi.enrolled(33);
    String key = UUID.randomUUID().toString();
    var first =
        member(p)
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(Map.of())
            .post(EVENTS + "/" + id + "/registrations")
            .then()
            .statusCode(201)
            .extract();
    var again =
        member(p)
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(Map.of())
            .post(EVENTS + "/" + id + "/registrations")
            .then()
            .statusCode(201)
            .header("Idempotent-Replayed", "true")
            .extract();
    assertEquals(first.path("id").toString(), again.path("id").toString());
    member(p)
        .get(MINE)
        .then()
        .statusCode(200)
        .body("items.findAll { it.eventId == '" + id + "' }.size()", equalTo(1));
    CommunityApi.lenient(p.token())
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(Map.of("attendance", "online"))
        .post(EVENTS + "/" + id + "/registrations")
        .then()
        .statusCode(422);
    CommunityApi.lenient(p.token())
        .header("Idempotency-Key", "bad key with spaces")
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(EVENTS + "/" + id + "/registrations")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("Idempotency-Key"));
  }

  @Test
  void lifecycleAndSeatFactsLeaveAsEventsMatchingTheirSchema() throws Exception {
    Person p = CommunityApi.enrolled(34);
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), EventChanged.TOPIC)) {
      String id = EventApi.open(EventApi.event("workshop", "online", 3, 3));
      String reg = EventApi.register(id, p, 201).path("id");
      member(p).delete(MINE + "/" + reg).then().statusCode(200);
      office()
          .header("If-Match", etag(id))
          .contentType(ContentType.JSON)
          .body(Map.of("reason", "会場の都合により"))
          .post(EVENTS + "/" + id + "/cancellation")
          .then()
          .statusCode(200);
      JsonNode cancelled =
          log.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && EventChanged.CANCELLED.equals(e.path("type").asText()),
              Duration.ofSeconds(30));
      assertEquals("cancelled", cancelled.path("data").path("state").asText());
      List<String> raw =
          log.records().stream().map(r -> r.value()).filter(v -> v.contains(id)).toList();
      List<String> changes =
          raw.stream().map(v -> v.replaceAll(".*\"change\":\"([a-z-]+)\".*", "$1")).toList();
      assertEquals(List.of("opened", "registered", "registration-cancelled", "cancelled"), changes);
      for (String event : raw) {
        assertEquals(Set.of(), EventSchemas.violations(EventChanged.SCHEMA, event));
        for (String secret : new String[] {p.memberId(), p.email(), p.personRef(), p.subject()}) {
          assertFalse(event.contains(secret), "the event carries " + secret);
        }
      }
      assertNotEquals(0, raw.size());
    }
  }
}
