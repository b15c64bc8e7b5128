package jp.riss.guide.specialists;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.inbox.DeadLetters;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.Management;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guide's specialist list follows the Active List's events, exactly once in effect. */
@QuarkusTest
class SpecialistReadModelTest {

  /**
   * How long an event may take to show in the read model. Usually well under a second; but when
   * this class runs first on a fresh broker, its first send creates the topic, and the consumer,
   * which subscribed before the topic existed, sees it only after a metadata refresh and a
   * rebalance: more than 5 s was seen on a machine running two builds.
   */
  private static final Duration CONSUMED = Duration.ofSeconds(30);

  @Inject AgroalDataSource dataSource;

  @TestHTTPResource(value = "/", management = true)
  URL management;

  private ListingEvents events;

  @BeforeEach
  void producer() {
    events = new ListingEvents();
  }

  @AfterEach
  void close() {
    events.close();
  }

  @Test
  void aPublishedListingAppearsAndAWithdrawnOneDisappears() throws Exception {
    UUID id = UUID.randomUUID();
    events.send(ListingEvents.event(id, "鈴木 一郎", List.of("13"), List.of(1, 3), "PUBLISHED", 1));
    await().atMost(CONSUMED).until(() -> listed(id, "1", "13"));

    given()
        .filter(Contracts.validator())
        .queryParam("theme", "1")
        .queryParam("prefecture", "13")
        .get("/api/v1/guide/specialists")
        .then()
        .statusCode(200)
        .body("items.find { it.listingId == '" + id + "' }.displayName", equalTo("鈴木 一郎"));

    events.send(ListingEvents.event(id, "鈴木 一郎", List.of("13"), List.of(1, 3), "WITHDRAWN", 2));
    await().atMost(CONSUMED).until(() -> !listed(id, "1", "13"));
  }

  @Test
  void filtersByThemeAndPrefecture() throws Exception {
    UUID osaka = UUID.randomUUID();
    events.send(ListingEvents.event(osaka, "大阪 花子", List.of("27"), List.of(5), "PUBLISHED", 1));
    await().atMost(CONSUMED).until(() -> listed(osaka, "5", "27"));

    given()
        .queryParam("theme", "5")
        .queryParam("prefecture", "13")
        .get("/api/v1/guide/specialists")
        .then()
        .statusCode(200)
        .body("items.listingId", not(hasItem(osaka.toString())));
    given()
        .queryParam("theme", "2")
        .queryParam("prefecture", "27")
        .get("/api/v1/guide/specialists")
        .then()
        .statusCode(200)
        .body("items.listingId", not(hasItem(osaka.toString())));
  }

  @Test
  void theSameEventDeliveredTwiceHasOneEffect() throws Exception {
    UUID id = UUID.randomUUID();
    CloudEvent published =
        ListingEvents.event(id, "重複 太郎", List.of("01"), List.of(2), "PUBLISHED", 3);
    events.send(published);
    events.send(published);
    UUID marker = UUID.randomUUID();
    events.send(ListingEvents.event(marker, "後続", List.of("01"), List.of(2), "PUBLISHED", 1));
    await().atMost(CONSUMED).until(() -> listed(marker, "2", "01"));

    assertEquals(1, count("SELECT count(*) FROM specialist_card WHERE listing_id = ?", id));
    assertEquals(
        1, count("SELECT count(*) FROM inbox WHERE event_id = ?", UUID.fromString(published.id())));
  }

  @Test
  void anOlderVersionArrivingLateDoesNotResurrectAWithdrawnListing() throws Exception {
    UUID id = UUID.randomUUID();
    events.send(ListingEvents.event(id, "順序 次郎", List.of("40"), List.of(4), "WITHDRAWN", 5));
    events.send(ListingEvents.event(id, "順序 次郎", List.of("40"), List.of(4), "PUBLISHED", 4));
    UUID marker = UUID.randomUUID();
    events.send(ListingEvents.event(marker, "後続", List.of("40"), List.of(4), "PUBLISHED", 1));
    await().atMost(CONSUMED).until(() -> listed(marker, "4", "40"));
    assertEquals(false, listed(id, "4", "40"));
  }

  @Test
  void aPoisonMessageGoesToTheDeadLetterTopicAndConsumptionContinues() throws Exception {
    String key = UUID.randomUUID().toString();
    events.send(key, "this is not a CloudEvent");
    UUID after = UUID.randomUUID();
    events.send(ListingEvents.event(after, "継続 三郎", List.of("23"), List.of(1), "PUBLISHED", 1));
    await().atMost(CONSUMED).until(() -> listed(after, "1", "23"));

    try (EventLog dlt =
        new EventLog(
            KafkaResource.broker().bootstrapServers(),
            ListingSnapshot.TOPIC + DeadLetters.SUFFIX)) {
      await()
          .atMost(CONSUMED)
          .until(
              () ->
                  dlt.records().stream()
                      .anyMatch(
                          r ->
                              key.equals(r.key())
                                  && new String(
                                          r.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                                          StandardCharsets.UTF_8)
                                      .contains("not a JSON CloudEvent")));
    }
  }

  @Test
  void anEventWithoutTheFieldsTheGuideNeedsIsDeadLettered() throws Exception {
    UUID id = UUID.randomUUID();
    CloudEvent incomplete = incomplete(id);
    events.send(incomplete.subject(), jp.riss.platform.events.EventJson.write(incomplete));
    assertEquals(1, deadLettered(id));
    assertEquals(0, count("SELECT count(*) FROM specialist_card WHERE listing_id = ?", id));
  }

  @Test
  void aPoisonEventAmongOthersIsDeadLetteredAndEachOtherIsAppliedExactlyOnce() throws Exception {
    // Sent back to back, so the consumer receives them in polls of several and delivers each poll
    // in one transaction: the incomplete one in the middle fails that transaction, and the poll's
    // events are then delivered one by one.
    long before = generation();
    List<UUID> good = new java.util.ArrayList<>();
    UUID poison = UUID.randomUUID();
    for (int i = 0; i < 20; i++) {
      if (i == 10) {
        CloudEvent incomplete = incomplete(poison);
        events.send(incomplete.subject(), jp.riss.platform.events.EventJson.write(incomplete));
      }
      UUID id = UUID.randomUUID();
      good.add(id);
      events.send(ListingEvents.event(id, "一括 " + i, List.of("30"), List.of(6), "PUBLISHED", 1));
    }
    await()
        .atMost(CONSUMED)
        .until(
            () ->
                count(
                        "SELECT count(*) FROM specialist_card WHERE listing_id = ANY (?)",
                        good.toArray(UUID[]::new))
                    == good.size());

    assertEquals(1, deadLettered(poison));
    assertEquals(0, count("SELECT count(*) FROM specialist_card WHERE listing_id = ?", poison));
    // The read model's change counter moves once per applied event, in the event's transaction:
    // a rolled-back batch leaves no trace and no event is applied twice.
    assertEquals(good.size(), generation() - before);
  }

  /** How many dead letters the listing's events left, once there is at least one. */
  private static long deadLettered(UUID listingId) throws Exception {
    try (EventLog dlt =
        new EventLog(
            KafkaResource.broker().bootstrapServers(),
            ListingSnapshot.TOPIC + DeadLetters.SUFFIX)) {
      await()
          .atMost(CONSUMED)
          .until(() -> dlt.records().stream().anyMatch(r -> listingId.toString().equals(r.key())));
      return dlt.records().stream().filter(r -> listingId.toString().equals(r.key())).count();
    }
  }

  private static CloudEvent incomplete(UUID listingId) {
    return new CloudEvent(
        "1.0",
        UUID.randomUUID().toString(),
        "urn:riss:active-list-service",
        "jp.riss.activelist.listing.published",
        listingId.toString(),
        java.time.OffsetDateTime.now(),
        "application/json",
        "urn:riss:schema:activelist.listing.v1",
        jp.riss.platform.events.EventJson.mapper()
            .createObjectNode()
            .put("listingId", listingId.toString()));
  }

  private long generation() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT generation FROM specialist_card_generation");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void readinessReportsTheInboxConsumerOnceItConsumes() {
    // The consumer is created on its own thread after start-up; readiness says when it runs.
    await()
        .atMost(CONSUMED)
        .untilAsserted(
            () ->
                given()
                    .baseUri(Management.base(management))
                    .get("/q/health/ready")
                    .then()
                    .body("checks.find { it.name == 'inbox consumers' }.status", equalTo("UP")));
  }

  @Test
  void badFiltersAreProblemsNamingTheParameter() {
    given()
        .queryParam("theme", "one")
        .get("/api/v1/guide/specialists")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("theme"));
    given()
        .queryParam("prefecture", "Tokyo")
        .get("/api/v1/guide/specialists")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("prefecture"));
    given()
        .queryParam("limit", "1000")
        .get("/api/v1/guide/specialists")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("limit"));
  }

  private boolean listed(UUID id, String theme, String prefecture) {
    List<String> ids =
        given()
            .queryParam("theme", theme)
            .queryParam("prefecture", prefecture)
            .queryParam("limit", "100")
            .get("/api/v1/guide/specialists")
            .then()
            .statusCode(200)
            .extract()
            .path("items.listingId");
    return ids.contains(id.toString());
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

  private long count(String sql, UUID[] ids) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("uuid", ids));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
