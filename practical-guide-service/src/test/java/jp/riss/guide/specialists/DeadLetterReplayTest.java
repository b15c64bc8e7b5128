package jp.riss.guide.specialists;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.inbox.DeadLetterRoutes;
import jp.riss.platform.testing.Management;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event the guide could not apply is parked on the dead-letter topic with its reason; once the
 * cause is fixed an admin replays it on the management interface and it is applied exactly once,
 * however often the replay is repeated. The fault here is a database that refuses the row (a
 * trigger standing for, say, a constraint the read model breaks until a migration fixes it); the
 * fix is dropping it.
 */
@QuarkusTest
class DeadLetterReplayTest {

  @Inject AgroalDataSource dataSource;

  @TestHTTPResource(value = "/", management = true)
  URL management;

  private ListingEvents events;

  @BeforeEach
  void producer() {
    events = new ListingEvents();
  }

  @AfterEach
  void close() throws Exception {
    events.close();
    sql("DROP TRIGGER IF EXISTS dlt_replay_test_refuse ON specialist_card");
  }

  @Test
  void aParkedEventIsListedWithItsReasonAndAppliedOnceByAReplayAfterTheFix() throws Exception {
    String name = "DLT-" + UUID.randomUUID();
    sql(
        "CREATE OR REPLACE FUNCTION dlt_replay_test_refuse() RETURNS trigger AS $$ BEGIN"
            + " IF NEW.display_name = '"
            + name
            + "' THEN RAISE EXCEPTION 'refused until the fix'; END IF; RETURN NEW; END $$"
            + " LANGUAGE plpgsql");
    sql(
        "CREATE TRIGGER dlt_replay_test_refuse BEFORE INSERT OR UPDATE ON specialist_card"
            + " FOR EACH ROW EXECUTE FUNCTION dlt_replay_test_refuse()");
    UUID listing = UUID.randomUUID();
    CloudEvent event =
        ListingEvents.event(listing, name, List.of("13"), List.of(1), "PUBLISHED", 1);
    events.send(event);

    Map<String, Object> parked =
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedEntry(event.id()), p -> p != null);
    assertEquals(ListingSnapshot.TOPIC, parked.get("topic"));
    assertEquals("practical-guide-service", parked.get("consumer"));
    assertEquals(event.type(), parked.get("eventType"));
    String reason = (String) parked.get("reason");
    assertThat(reason, containsString("failed 5 times"));
    String source = (String) parked.get("source");
    assertThat(source, containsString(ListingSnapshot.TOPIC + "/"));
    assertEquals(0, count("SELECT count(*) FROM specialist_card WHERE listing_id = ?", listing));

    // Replaying before the fix changes nothing and says so.
    replay(Map.of("topic", ListingSnapshot.TOPIC, "source", source))
        .body("items[0].outcome", equalTo("failed"))
        .body("items[0].eventId", equalTo(event.id()));
    assertEquals(0, count("SELECT count(*) FROM inbox WHERE event_id = ?", uuid(event)));

    sql("DROP TRIGGER dlt_replay_test_refuse ON specialist_card");
    replay(Map.of("topic", ListingSnapshot.TOPIC, "source", source))
        .body("items.size()", equalTo(1))
        .body("items[0].outcome", equalTo("applied"))
        .body("items[0].source", equalTo(source));
    // A second replay, of the whole topic this time, finds it handled.
    replay(Map.of("topic", ListingSnapshot.TOPIC))
        .body(
            "items.findAll { it.eventId == '" + event.id() + "' }.outcome",
            hasItems("already-applied"))
        .body(
            "items.findAll { it.eventId == '"
                + event.id()
                + "' && it.outcome == 'applied' }.size()",
            equalTo(0));

    assertEquals(1, count("SELECT count(*) FROM specialist_card WHERE listing_id = ?", listing));
    assertEquals(1, count("SELECT count(*) FROM inbox WHERE event_id = ?", uuid(event)));
    // The dead-letter topic still records what happened.
    assertThat(parkedEntry(event.id()), notNullValue());
  }

  @Test
  void onlyAnAdminReachesTheDeadLettersAndABadReplayNamesEveryFieldAtFault() {
    given()
        .baseUri(Management.base(management))
        .get(DeadLetterRoutes.PATH)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .baseUri(Management.base(management))
        .auth()
        .oauth2(Tokens.wronglySigned("ipa-admin", "admin"))
        .get(DeadLetterRoutes.PATH)
        .then()
        .statusCode(401);
    for (String role : List.of("ipa-reviewer", "specialist", "company")) {
      given()
          .baseUri(Management.base(management))
          .auth()
          .oauth2(Tokens.of(role, "someone"))
          .contentType("application/json")
          .body(Map.of("topic", ListingSnapshot.TOPIC))
          .post(DeadLetterRoutes.PATH + "/replay")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    replayAnswer(Map.of("topic", "no.such.topic", "source", "x"))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItems("topic", "source"));
    replayAnswer(Map.of("topic", ListingSnapshot.TOPIC, "source", "other.topic/0@1"))
        .statusCode(400)
        .body("violations.field", equalTo(List.of("source")));
    // A field the replay does not know is named too, with the others at fault, all at once.
    replayAnswer(Map.of("topic", "no.such.topic", "sources", "x"))
        .statusCode(400)
        .body("violations.field", hasItems("topic", "sources"));
    given()
        .baseUri(Management.base(management))
        .auth()
        .oauth2(Tokens.of("ipa-admin", "admin"))
        .get(DeadLetterRoutes.PATH)
        .then()
        .statusCode(200)
        .body("topics", equalTo(List.of(ListingSnapshot.TOPIC)));
  }

  private Map<String, Object> parkedEntry(String eventId) {
    JsonPath body =
        given()
            .baseUri(Management.base(management))
            .auth()
            .oauth2(Tokens.of("ipa-admin", "admin"))
            .get(DeadLetterRoutes.PATH)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return body.getMap("items.find { it.eventId == '" + eventId + "' }");
  }

  private ValidatableResponse replay(Map<String, Object> body) {
    return replayAnswer(body).statusCode(200);
  }

  private ValidatableResponse replayAnswer(Map<String, Object> body) {
    return given()
        .baseUri(Management.base(management))
        .auth()
        .oauth2(Tokens.of("ipa-admin", "admin"))
        .contentType("application/json")
        .body(body)
        .post(DeadLetterRoutes.PATH + "/replay")
        .then();
  }

  private static UUID uuid(CloudEvent event) {
    return UUID.fromString(event.id());
  }

  private void sql(String statement) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private long count(String sql, UUID id) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
