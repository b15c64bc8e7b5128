package jp.riss.platform.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Keeps the log records of one category (and below) that a test provokes, each with the MDC it was
 * logged under: the values are copied on the logging thread, as a log formatter would read them.
 */
public final class LogCapture extends Handler implements AutoCloseable {

  /** A record's message and the MDC at the moment it was logged. */
  public record Captured(String message, Map<String, String> mdc) {}

  private final Logger logger;
  private final List<Captured> records = new CopyOnWriteArrayList<>();

  private LogCapture(String category) {
    this.logger = Logger.getLogger(category);
    logger.addHandler(this);
  }

  public static LogCapture of(String category) {
    return new LogCapture(category);
  }

  @Override
  public void publish(LogRecord record) {
    Map<String, String> mdc = record instanceof ExtLogRecord ext ? ext.getMdcCopy() : Map.of();
    String message =
        record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    records.add(new Captured(message, Map.copyOf(mdc)));
  }

  public List<Captured> records() {
    return List.copyOf(records);
  }

  /**
   * The first record that matches, waiting up to 10 s for it: a line about a request may be logged
   * on another thread after the answer reached the test.
   */
  public Captured await(String what, Predicate<Captured> match) {
    return Awaitility.await(what)
        .atMost(Duration.ofSeconds(10))
        .until(() -> records.stream().filter(match).findFirst().orElse(null), r -> r != null);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
