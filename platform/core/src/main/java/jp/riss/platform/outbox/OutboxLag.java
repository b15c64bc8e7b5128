package jp.riss.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Exposes how far the relay is behind: {@code riss_outbox_oldest_unsent_seconds}, the age of the
 * oldest event not yet published (0 when none waits). A broker outage or a stuck relay shows as a
 * steadily growing value while the service still answers requests, which is what operators alert
 * on. Read per scrape from the partial index of unsent rows (the first row by id), so it costs one
 * index probe and never counts rows.
 */
@ApplicationScoped
public class OutboxLag {

  private static final Logger LOG = Logger.getLogger(OutboxLag.class);
  private static final String OLDEST_UNSENT =
      "SELECT EXTRACT(EPOCH FROM (now() - created_at)) FROM outbox WHERE sent_at IS NULL"
          + " ORDER BY id LIMIT 1";

  @Inject AgroalDataSource dataSource;

  void register(@Observes StartupEvent event, MeterRegistry meters) {
    Gauge.builder("riss.outbox.oldest.unsent", this, OutboxLag::oldestUnsentSeconds)
        .baseUnit("seconds")
        .description("Age of the oldest outbox event not yet published to Kafka (0 when none)")
        .register(meters);
  }

  /** Seconds since the oldest unsent event was written; NaN when the database cannot say. */
  double oldestUnsentSeconds() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(OLDEST_UNSENT)) {
      query.setQueryTimeout(5);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? Math.max(0, rs.getDouble(1)) : 0;
      }
    } catch (SQLException e) {
      // The readiness check reports the database; a scrape must not fail because of it.
      LOG.debugf("outbox lag not read: %s", e.getMessage());
      return Double.NaN;
    }
  }
}
