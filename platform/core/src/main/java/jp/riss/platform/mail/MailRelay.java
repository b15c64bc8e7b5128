package jp.riss.platform.mail;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import jp.riss.platform.logging.LogSafe;
import org.jboss.logging.Logger;

/**
 * Delivers committed {@code outgoing_mail} rows over SMTP (Quarkus Mailer) and stamps them sent. At
 * least once: a crash between the SMTP answer and the stamp sends the message again, with the same
 * Message-ID (derived from the row id), so the repetition is recognisable. A failed message is
 * retried with exponential backoff on its own, without holding back the others, and given up after
 * {@code max-attempts} with its last error kept. Rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so several replicas never send one message twice at the same time. Runs only where
 * {@code SMTP_ENABLED} is true.
 */
@ApplicationScoped
public class MailRelay {

  private static final Logger LOG = Logger.getLogger(MailRelay.class);

  private static final String NEXT_BATCH =
      "SELECT id, recipient, subject, body, attempts FROM outgoing_mail"
          + " WHERE sent_at IS NULL AND attempts < ?"
          + " AND (next_attempt_at IS NULL OR next_attempt_at <= now())"
          + " ORDER BY queued_at, id LIMIT ? FOR UPDATE SKIP LOCKED";
  private static final String MARK_SENT =
      "UPDATE outgoing_mail SET sent_at = now(), attempts = attempts + 1, last_error = NULL,"
          + " next_attempt_at = NULL WHERE id = ?";
  private static final String MARK_FAILED =
      "UPDATE outgoing_mail SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
          + " WHERE id = ?";

  /** What one pass did. */
  public record Pass(int sent, int failed) {}

  private record Pending(UUID id, String to, String subject, String body, int attempts) {}

  @Inject AgroalDataSource dataSource;
  @Inject Mailer mailer;
  @Inject MailRelayConfig config;
  @Inject MeterRegistry meters;

  private final Semaphore wakeUps = new Semaphore(0);
  private volatile boolean running;
  private Thread worker;
  private Counter sentCounter;
  private Counter failedCounter;

  void start(@Observes StartupEvent event) {
    sentCounter = meters.counter("riss.mail.sent");
    failedCounter = meters.counter("riss.mail.failed");
    if (!config.enabled()) {
      LOG.info("mail relay: off (SMTP_ENABLED is not true), queued mail is not delivered");
      return;
    }
    running = true;
    worker = new Thread(this::loop, "mail-relay");
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

  /** Called after a transaction that queued mail commits. */
  public void wakeUp() {
    wakeUps.release();
  }

  private void loop() {
    while (running) {
      try {
        Pass pass = deliverBatch();
        if (pass.sent() + pass.failed() < config.batchSize()) {
          wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeUps.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | SQLException e) {
        LOG.warnf("mail relay: %s; next pass in %s", e.getMessage(), config.pollInterval());
        try {
          wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Sends the oldest due messages, each stamped sent or failed (with its next attempt). */
  public Pass deliverBatch() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int sent = 0;
        int failed = 0;
        for (Pending mail : claim(connection)) {
          try {
            mailer.send(
                Mail.withText(mail.to(), mail.subject(), mail.body())
                    .addHeader("Message-ID", messageId(mail.id())));
            update(connection, MARK_SENT, mail.id());
            sentCounter.increment();
            sent++;
          } catch (RuntimeException e) {
            int attempts = mail.attempts() + 1;
            Instant next = Instant.now().plus(backoff(attempts));
            failed(connection, mail.id(), describe(e), next);
            failedCounter.increment();
            failed++;
            LOG.warnf(
                "mail %s: attempt %d failed (%s); next attempt at %s",
                mail.id(), attempts, LogSafe.text(describe(e)), next);
          }
        }
        connection.commit();
        return new Pass(sent, failed);
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException ignored) {
          // the connection is closed next; the rows stay unsent either way
        }
        throw e;
      }
    }
  }

  /** {@code <row id@domain>}: the same for every attempt of one message. */
  public String messageId(UUID id) {
    return "<" + id + "@" + config.messageIdDomain() + ">";
  }

  /** The wait after the {@code attempts}-th failure: first-retry, doubled each time, capped. */
  Duration backoff(int attempts) {
    Duration wait = config.firstRetry();
    for (int i = 1; i < attempts && wait.compareTo(config.maxRetry()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(config.maxRetry()) < 0 ? wait : config.maxRetry();
  }

  private List<Pending> claim(Connection connection) throws SQLException {
    List<Pending> batch = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(NEXT_BATCH)) {
      select.setInt(1, config.maxAttempts());
      select.setInt(2, config.batchSize());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          batch.add(
              new Pending(
                  rs.getObject("id", UUID.class),
                  rs.getString("recipient"),
                  rs.getString("subject"),
                  rs.getString("body"),
                  rs.getInt("attempts")));
        }
      }
    }
    return batch;
  }

  private static void update(Connection connection, String sql, UUID id) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setObject(1, id);
      update.executeUpdate();
    }
  }

  private static void failed(Connection connection, UUID id, String error, Instant next)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
      update.setString(1, error);
      update.setTimestamp(2, Timestamp.from(next));
      update.setObject(3, id);
      update.executeUpdate();
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getClass().getSimpleName() + ": " + root.getMessage();
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }
}
