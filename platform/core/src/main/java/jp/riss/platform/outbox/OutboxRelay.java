package jp.riss.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import jp.riss.platform.kafka.EventPublisher;
import jp.riss.platform.tracing.EventSpans;
import jp.riss.platform.tracing.TraceContext;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in id order and marks them sent. A broker outage leaves
 * rows unsent and the relay retries with backoff; a crash between publish and mark republishes
 * (consumers deduplicate by event id), so events may repeat but are never lost.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  // Only one relay of a service publishes at a time, so per-aggregate order survives scaling out.
  // The lock and the batch in one round trip: a row with nulls after "held" when nothing waits,
  // no batch at all when another relay holds the lock.
  private static final String LOCK_AND_NEXT_BATCH =
      "WITH lock AS (SELECT pg_try_advisory_xact_lock(hashtext('riss.outbox')) AS held)"
          + " SELECT lock.held, o.id, o.topic, o.aggregate_id, o.envelope, o.traceparent,"
          + " o.tracestate FROM lock LEFT JOIN LATERAL (SELECT * FROM outbox"
          + " WHERE lock.held AND sent_at IS NULL ORDER BY id LIMIT ?) o ON true"
          + " ORDER BY o.id";
  private static final String MARK_SENT =
      "UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY (?)";
  private static final String MARK_FAILED =
      "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ANY (?)";

  /** {@link #publishBatch}'s answer when another relay holds the lock. */
  public static final int LOCK_BUSY = -1;

  private static final long LOCK_RETRY_MS = 50;

  @Inject AgroalDataSource dataSource;
  @Inject EventPublisher publisher;
  @Inject OutboxRelayConfig config;
  @Inject EventSpans eventSpans;

  private final Semaphore wakeUps = new Semaphore(0);
  private volatile boolean running;
  private Thread worker;

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    running = true;
    worker = new Thread(this::loop, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    wakeUp();
    if (worker != null) {
      try {
        worker.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Called after a transaction that appended events commits. */
  public void wakeUp() {
    wakeUps.release();
  }

  private void loop() {
    long backoffMs = 0;
    while (running) {
      try {
        if (backoffMs > 0) {
          wakeUps.tryAcquire(backoffMs, TimeUnit.MILLISECONDS);
        }
        int published = publishBatch();
        backoffMs = 0;
        if (published == LOCK_BUSY) {
          // Another instance's relay is publishing and may have read its batch before this
          // instance's rows committed: look again soon rather than after the poll interval.
          wakeUps.tryAcquire(LOCK_RETRY_MS, TimeUnit.MILLISECONDS);
        } else if (published < config.batchSize()) {
          // Woken by each commit that appended events; the interval only catches rows no wake-up
          // announced (written before a crash, or by hand), so it can be long.
          wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeUps.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | SQLException e) {
        backoffMs = Math.min(Math.max(backoffMs * 2, 250), config.maxBackoff().toMillis());
        LOG.warnf("outbox relay: %s; retrying in %d ms", e.getMessage(), backoffMs);
      }
    }
  }

  /**
   * Publishes the oldest unsent rows and marks the acknowledged ones sent.
   *
   * @return how many rows were published, or {@link #LOCK_BUSY} when another relay holds the lock
   * @throws OutboxPublishException when the broker did not acknowledge some of them
   */
  public int publishBatch() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<PendingEvent> batch = lockAndNextBatch(connection);
        if (batch == null) {
          connection.rollback();
          return LOCK_BUSY;
        }
        PublishSpans spans = new PublishSpans(eventSpans, batch);
        EventPublisher.Outcome outcome =
            batch.isEmpty() ? EventPublisher.Outcome.NONE : publisher.publish(spans.events());
        spans.end(outcome.failed(), outcome.error());
        update(connection, MARK_SENT, null, outcome.sent());
        update(connection, MARK_FAILED, outcome.error(), outcome.failed());
        connection.commit();
        if (!outcome.failed().isEmpty()) {
          throw new OutboxPublishException(outcome.failed().size(), outcome.error());
        }
        return outcome.sent().size();
      } catch (SQLException | RuntimeException e) {
        safeRollback(connection);
        throw e;
      }
    }
  }

  /**
   * @return the oldest unsent rows (none when nothing waits), or null when the lock is busy
   */
  private List<PendingEvent> lockAndNextBatch(Connection connection) throws SQLException {
    List<PendingEvent> batch = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(LOCK_AND_NEXT_BATCH)) {
      select.setInt(1, config.batchSize());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          if (!rs.getBoolean("held")) {
            return null;
          }
          long id = rs.getLong("id");
          if (rs.wasNull()) {
            continue;
          }
          batch.add(
              new PendingEvent(
                  id,
                  rs.getString("topic"),
                  rs.getString("aggregate_id"),
                  rs.getString("envelope"),
                  trace(rs.getString("traceparent"), rs.getString("tracestate"))));
        }
      }
    }
    return batch;
  }

  private static TraceContext trace(String traceparent, String tracestate) {
    return traceparent == null ? null : new TraceContext(traceparent, tracestate);
  }

  private static void update(Connection connection, String sql, String error, List<Long> ids)
      throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      int i = 1;
      if (error != null) {
        update.setString(i++, error);
      }
      update.setArray(i, connection.createArrayOf("bigint", ids.toArray()));
      update.executeUpdate();
    }
  }

  private static void safeRollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is closed next; the rows stay unsent either way
    }
  }
}
