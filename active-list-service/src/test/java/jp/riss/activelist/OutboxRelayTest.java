package jp.riss.activelist;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import jp.riss.activelist.listing.Listings;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost between a committed change and Kafka: an outage delays events, a lost "sent" mark
 * repeats one (same event id, which consumers drop), and neither loses any.
 */
@QuarkusTest
class OutboxRelayTest {

  @Inject AgroalDataSource dataSource;

  @AfterEach
  void brokerBack() {
    KafkaResource.broker().start();
  }

  @Test
  void publishDuringABrokerOutageIsDeliveredWhenTheBrokerReturns() throws Exception {
    String id = Listings.createDraft("outage", Listings.uniqueRegistrationNumber());
    Listings.submit(id);

    KafkaResource.broker().stop();

    given()
        .header("Authorization", "Bearer " + Tokens.of("ipa-reviewer", "r"))
        .post("/api/v1/active-list/listings/" + id + "/approve")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"));

    // The relay tries, fails, and keeps the row.
    await().atMost(Duration.ofSeconds(30)).until(() -> attempts(id) > 0);
    assertEquals(false, sent(id), "not sent while the broker is down");

    KafkaResource.broker().start();

    await().atMost(Duration.ofSeconds(30)).until(() -> sent(id));
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), "activelist.listing.v1")) {
      log.awaitEvent(e -> id.equals(e.path("subject").asText()), Duration.ofSeconds(10));
    }
  }

  @Test
  void aRowWhoseSentMarkWasLostIsPublishedAgainUnderTheSameEventId() throws Exception {
    String id = Listings.createDraft("crash", Listings.uniqueRegistrationNumber());
    Listings.publish(id);
    await().atMost(Duration.ofSeconds(10)).until(() -> sent(id));

    // What a relay crash after the broker's acknowledgement but before the mark leaves behind.
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE outbox SET sent_at = NULL WHERE aggregate_id = ?")) {
      ps.setString(1, id);
      ps.executeUpdate();
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> sent(id));
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), "activelist.listing.v1")) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> log.records().stream().filter(r -> id.equals(r.key())).count() == 2);
      assertEquals(
          1,
          log.records().stream()
              .filter(r -> id.equals(r.key()))
              .map(r -> jp.riss.platform.events.EventJson.read(r.value()).id())
              .distinct()
              .count(),
          "a republished event keeps its id, so consumers' inboxes drop the copy");
    }
  }

  private int attempts(String listingId) throws Exception {
    return query(
        "SELECT attempts FROM outbox WHERE aggregate_id = ?", listingId, rs -> rs.getInt(1));
  }

  private boolean sent(String listingId) throws Exception {
    return query(
        "SELECT sent_at IS NOT NULL FROM outbox WHERE aggregate_id = ?",
        listingId,
        rs -> rs.getBoolean(1));
  }

  private interface Column<T> {
    T read(ResultSet rs) throws Exception;
  }

  private <T> T query(String sql, String arg, Column<T> column) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no outbox row for " + arg);
        }
        return column.read(rs);
      }
    }
  }
}
