package jp.riss.activelist;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.riss.activelist.verification.RegistrationChanged;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.Metrics;
import jp.riss.platform.testing.OperatorQueries;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The platform metrics operators alert on move when their fault happens, as Prometheus scrapes them
 * from the management port: outbox lag, dead letters and consumer lag.
 */
@QuarkusTest
class OperatorMetricsTest {

  private static final String OUTBOX_LAG = "riss_outbox_oldest_unsent_seconds";
  private static final String DEAD_LETTERS = "riss_dlt_records_total";
  private static final String CONSUMER_LAG = "riss_consumer_lag_records";
  private static final Map<String, String> REGISTRATIONS =
      Map.of("topic", RegistrationChanged.TOPIC);

  @TestHTTPResource(value = "/", management = true)
  URL management;

  @Inject AgroalDataSource dataSource;

  @Test
  void anEventTheRelayCannotPublishShowsAsOutboxLagOfItsAge() throws Exception {
    // Nothing else waiting, so the oldest unsent row is the one this test writes.
    await().atMost(Duration.ofSeconds(20)).until(() -> unsent() == 0);
    try (Connection relayLock = dataSource.getConnection()) {
      // The relay publishes only while it holds this lock: holding it stalls the relay, as a
      // stuck relay or a broker outage does.
      exec(relayLock, "SELECT pg_advisory_lock(hashtext('riss.outbox'))");
      String eventId = UUID.randomUUID().toString();
      try (Connection c = dataSource.getConnection();
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO outbox (event_id, topic, aggregate_id, event_type, envelope,"
                      + " created_at) VALUES (?::uuid, 'activelist.metrics-test.v1', 'x',"
                      + " 'test', '{}', now() - interval '1 hour')")) {
        insert.setString(1, eventId);
        insert.executeUpdate();
      }
      try {
        double lag = Metrics.value(management, OUTBOX_LAG, Map.of());
        assertTrue(lag >= 3600 && lag < 3700, "outbox lag " + lag);
      } finally {
        try (Connection c = dataSource.getConnection();
            PreparedStatement delete =
                c.prepareStatement("DELETE FROM outbox WHERE event_id = ?::uuid")) {
          delete.setString(1, eventId);
          delete.executeUpdate();
        }
        exec(relayLock, "SELECT pg_advisory_unlock(hashtext('riss.outbox'))");
      }
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Metrics.value(management, OUTBOX_LAG, Map.of()) < 60);
  }

  @Test
  void undecodableEventsAreDeadLetteredAndCountedAndABacklogShowsAsConsumerLag() {
    double before = Metrics.count(management, DEAD_LETTERS, REGISTRATIONS);
    int letters = 300;
    AtomicBoolean lagSeen = new AtomicBoolean();
    try (KafkaProducer<String, String> producer = producer()) {
      String key = "metrics-" + UUID.randomUUID();
      for (int i = 0; i < letters; i++) {
        producer.send(new ProducerRecord<>(RegistrationChanged.TOPIC, key, "not an event " + i));
      }
      producer.flush();
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              String scrape = Metrics.scrape(management);
              Double lag = Metrics.value(scrape, CONSUMER_LAG, REGISTRATIONS);
              if (lag != null && lag > 0) {
                lagSeen.set(true);
              }
              Double parked = Metrics.value(scrape, DEAD_LETTERS, REGISTRATIONS);
              return parked != null && parked >= before + letters;
            });

    String scrape = Metrics.scrape(management);
    assertEquals(
        before + letters,
        Metrics.value(
            scrape,
            DEAD_LETTERS,
            Map.of("topic", RegistrationChanged.TOPIC, "consumer", "active-list-service")));
    assertTrue(lagSeen.get(), "a backlog of " + letters + " records showed as consumer lag");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Double.valueOf(0)
                    .equals(
                        Metrics.value(
                            management,
                            CONSUMER_LAG,
                            Map.of(
                                "group",
                                "active-list-service",
                                "topic",
                                RegistrationChanged.TOPIC))));
  }

  /**
   * The HTTP server and JVM metrics the alert rules and the dashboard under deploy/observability
   * use are in a real scrape (our own riss_* ones are checked against the code by the deploy
   * module's OperatorQueriesTest, as some appear only after their first fault).
   */
  @Test
  void theFrameworkMetricsOfTheRulesAndDashboardAreInTheScrape() {
    given().get("/api/v1/active-list/ethics-pledge").then().statusCode(200);
    Set<String> exposed = new TreeSet<>();
    for (String line : Metrics.scrape(management).split("\n")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        exposed.add(line.split("[{ ]", 2)[0]);
      }
    }
    Set<String> recorded = OperatorQueries.recorded();
    List<String> missing = new ArrayList<>();
    for (OperatorQueries.Query query : OperatorQueries.all()) {
      for (String name : OperatorQueries.metricNames(query.expr())) {
        if (!name.startsWith("riss_")
            && !recorded.contains(name)
            && !OperatorQueries.EXTERNAL.contains(name)
            && !exposed.contains(name)) {
          missing.add(query.where() + ": " + name);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 100,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
  }

  private long unsent() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void exec(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
