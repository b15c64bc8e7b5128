package jp.riss.community.link;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.EventSender;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.Test;

/**
 * An adult alumnus links their Active List listing: the request leaves as {@code
 * community.alumnus-link.v1} (checked against its schema, without any personal data); the Active
 * List's confirmation and withdrawal come back as {@code activelist.alumnus-link.v1} (sent as that
 * service produces them, checked against its own schema file) and the link follows. Minors never
 * link.
 */
@QuarkusTest
class AlumnusLinkTest {

  static final String LINKS = CommunityApi.BASE + "/active-list-links";

  static Map<String, Object> link(String number) {
    return Map.of("registrationNumber", number, "programme", "national", "fiscalYear", 2024);
  }

  static String number() {
    return String.format("%06d", (int) (Math.random() * 1_000_000));
  }

  static String start(Person p, String number) {
    return CommunityApi.member(p)
        .contentType(ContentType.JSON)
        .body(link(number))
        .post(LINKS)
        .then()
        .statusCode(201)
        .body("state", equalTo("requested"))
        .extract()
        .path("id");
  }

  static String stateOf(Person p, String id) {
    return CommunityApi.member(p)
        .get(LINKS)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("items.find { it.id == '" + id + "' }.state");
  }

  /** The Active List's decision, as that service produces it, checked against its schema. */
  static void activeListDecides(String linkId, String decision) {
    CloudEvent event =
        EventSource.of("active-list-service")
            .create(
                "jp.riss.activelist.alumnus-link-" + decision,
                linkId,
                ActiveListLinkDecision.TOPIC,
                new ActiveListLinkDecision(
                    UUID.fromString(linkId), decision, OffsetDateTime.now()));
    String json = EventJson.write(event);
    assertEquals(Set.of(), EventSchemas.violations("activelist.alumnus-link.v1", json));
    try (EventSender sender = new EventSender()) {
      sender.send(ActiveListLinkDecision.TOPIC, linkId, json);
      // Redelivered: the inbox makes it a no-op.
      sender.send(ActiveListLinkDecision.TOPIC, linkId, json);
    }
  }

  @Test
  void theRequestLeavesAsAnEventWithoutPersonalDataAndFollowsTheActiveList() {
    Person p = CommunityApi.enrolled(34);
    String number = number();
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), AlumnusLinkChanged.TOPIC)) {
      String id = start(p, number);
      JsonNode event =
          log.awaitEvent(e -> id.equals(e.path("subject").asText()), Duration.ofSeconds(20));
      assertEquals(AlumnusLinkChanged.REQUESTED, event.path("type").asText());
      assertEquals(number, event.path("data").path("registrationNumber").asText());
      assertEquals(2024, event.path("data").path("fiscalYear").asInt());
      String raw =
          log.records().stream()
              .filter(r -> r.value().contains(id))
              .findFirst()
              .orElseThrow()
              .value();
      assertEquals(Set.of(), EventSchemas.violations(AlumnusLinkChanged.SCHEMA, raw));
      for (String secret : new String[] {p.memberId(), p.email(), p.personRef()}) {
        assertFalse(raw.contains(secret), "the event carries " + secret);
      }

      activeListDecides(id, "confirmed");
      await().atMost(Duration.ofSeconds(30)).until(() -> "confirmed".equals(stateOf(p, id)));
      activeListDecides(id, "withdrawn");
      await().atMost(Duration.ofSeconds(30)).until(() -> "withdrawn".equals(stateOf(p, id)));
      CommunityApi.member(p)
          .get(LINKS)
          .then()
          .body("items.find { it.id == '" + id + "' }.withdrawnBy", equalTo("specialist"));
    }
  }

  @Test
  void theAlumnusWithdrawsTheirOwnLinkOnly() {
    Person p = CommunityApi.enrolled(44);
    Person other = CommunityApi.enrolled(45);
    String id = start(p, number());
    CommunityApi.member(other).post(LINKS + "/" + id + "/withdrawal").then().statusCode(404);
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), AlumnusLinkChanged.TOPIC)) {
      CommunityApi.member(p)
          .post(LINKS + "/" + id + "/withdrawal")
          .then()
          .statusCode(200)
          .body("state", equalTo("withdrawn"))
          .body("withdrawnBy", equalTo("alumnus"));
      JsonNode event =
          log.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && AlumnusLinkChanged.WITHDRAWN.equals(e.path("type").asText()),
              Duration.ofSeconds(20));
      assertEquals(Set.of(), EventSchemas.violations(AlumnusLinkChanged.SCHEMA, event.toString()));
    }
    CommunityApi.member(p).post(LINKS + "/" + id + "/withdrawal").then().statusCode(409);
  }

  @Test
  void deletingTheProfileWithdrawsEveryLink() {
    Person p = CommunityApi.enrolled(52);
    String id = start(p, number());
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), AlumnusLinkChanged.TOPIC)) {
      CommunityApi.member(p).delete(CommunityApi.ME).then().statusCode(204);
      JsonNode event =
          log.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && AlumnusLinkChanged.WITHDRAWN.equals(e.path("type").asText()),
              Duration.ofSeconds(20));
      assertEquals("withdrawn", event.path("data").path("change").asText());
    }
  }

  @Test
  void minorsNeverLinkAndBadInputNamesEveryField() {
    Person minor = CommunityApi.minorWith(17, "membership", "publication");
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + minor.token())
        .contentType(ContentType.JSON)
        .body(link(number()))
        .post(LINKS)
        .then()
        .statusCode(403)
        .body("type", equalTo("https://riss.example/problems/adults-only"));
    Person adult = CommunityApi.enrolled(36);
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + adult.token())
        .contentType(ContentType.JSON)
        .body(Map.of("registrationNumber", "12ab56", "programme", "National", "fiscalYear", 1999))
        .post(LINKS)
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            containsInAnyOrder("registrationNumber", "programme", "fiscalYear"));
    CommunityApi.member(adult)
        .contentType(ContentType.JSON)
        .body(Map.of("registrationNumber", number(), "programme", "junior", "fiscalYear", 2024))
        .post(LINKS)
        .then()
        .statusCode(404);
    String n = number();
    start(adult, n);
    CommunityApi.member(adult)
        .contentType(ContentType.JSON)
        .body(link(n))
        .post(LINKS)
        .then()
        .statusCode(409);
  }
}
