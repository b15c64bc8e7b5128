package jp.riss.platform.housekeeping;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the platform's own tables from growing without bound: deletes outbox rows long after they
 * were published (never an unsent one), handled-event ids after any redelivery could arrive,
 * expired idempotency keys, and delivered mail (never an undelivered message).
 */
@ApplicationScoped
public class Housekeeping {

  private static final Logger LOG = Logger.getLogger(Housekeeping.class);

  /** How many rows of each kind one pass removed. */
  public record Purged(int sentEvents, int handledEvents, int idempotencyKeys, int sentMail) {}

  @Inject AgroalDataSource dataSource;
  @Inject HousekeepingConfig config;

  private ScheduledExecutorService timer;

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "housekeeping");
              thread.setDaemon(true);
              return thread;
            });
    long every = config.interval().toMillis();
    timer.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  public Purged purge() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return new Purged(
          delete(
              connection,
              "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < now() - ?::interval",
              config.sentEvents()),
          delete(
              connection,
              "DELETE FROM inbox WHERE handled_at < now() - ?::interval",
              config.handledEvents()),
          delete(
              connection,
              "DELETE FROM idempotency_key WHERE created_at < now() - ?::interval",
              config.idempotencyKeys()),
          delete(
              connection,
              "DELETE FROM outgoing_mail WHERE sent_at IS NOT NULL"
                  + " AND sent_at < now() - ?::interval",
              config.sentMail()));
    }
  }

  private void runQuietly() {
    try {
      Purged purged = purge();
      LOG.debugf("housekeeping removed %s", purged);
    } catch (SQLException | RuntimeException e) {
      LOG.warnf("housekeeping failed, next pass in %s: %s", config.interval(), e.getMessage());
    }
  }

  private static int delete(Connection connection, String sql, Duration age) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      delete.setString(1, age.toSeconds() + " seconds");
      return delete.executeUpdate();
    }
  }
}
