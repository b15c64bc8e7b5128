package jp.riss.activelist.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * Counts where search results showed each listing — per listing, position bucket and hour, never
 * per visitor — in memory on the request path, and writes the counts in one batch every few seconds
 * (and at shutdown), adding to what other replicas wrote.
 */
@ApplicationScoped
public class Impressions {

  @Inject Clock clock;

  private static final Logger LOG = Logger.getLogger(Impressions.class);
  private static final String UPSERT =
      """
      INSERT INTO listing_impression (listing_id, bucket, hour, count) VALUES (?, ?, ?, ?)
      ON CONFLICT (listing_id, bucket, hour)
      DO UPDATE SET count = listing_impression.count + EXCLUDED.count
      """;

  record Counter(UUID listingId, String bucket, Instant hour) {}

  private final Map<Counter, LongAdder> counts = new ConcurrentHashMap<>();

  @Inject AgroalDataSource dataSource;
  @Inject SearchConfig config;

  private ScheduledExecutorService timer;

  void start(@Observes StartupEvent event) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "search-impressions");
              thread.setDaemon(true);
              return thread;
            });
    long every = config.exposure().flushInterval().toMillis();
    timer.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
    flushQuietly();
  }

  /** Counts one page of results shown, the first of them at {@code firstPosition}. */
  void record(SearchCodes codes, List<IndexedListing> shown, int firstPosition, Instant at) {
    Instant hour = at.truncatedTo(ChronoUnit.HOURS);
    for (int i = 0; i < shown.size(); i++) {
      String bucket = codes.bucketOf(firstPosition + i).code();
      counts
          .computeIfAbsent(new Counter(shown.get(i).id, bucket, hour), c -> new LongAdder())
          .increment();
    }
  }

  /**
   * Writes what was counted since the last flush; on failure the counts are kept for the next.
   *
   * @return how many counters were written
   */
  public synchronized int flush() throws SQLException {
    Instant thisHour = Instant.now(clock).truncatedTo(ChronoUnit.HOURS);
    List<Counter> keys = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (Map.Entry<Counter, LongAdder> entry : counts.entrySet()) {
      long n = entry.getValue().sumThenReset();
      if (n > 0) {
        keys.add(entry.getKey());
        values.add(n);
      } else if (entry.getKey().hour().isBefore(thisHour)) {
        // Idle counters of past hours would otherwise stay in memory for good.
        counts.remove(entry.getKey(), entry.getValue());
      }
    }
    if (keys.isEmpty()) {
      return 0;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
      for (int i = 0; i < keys.size(); i++) {
        upsert.setObject(1, keys.get(i).listingId());
        upsert.setString(2, keys.get(i).bucket());
        upsert.setObject(3, OffsetDateTime.ofInstant(keys.get(i).hour(), ZoneOffset.UTC));
        upsert.setLong(4, values.get(i));
        upsert.addBatch();
      }
      upsert.executeBatch();
      return keys.size();
    } catch (SQLException | RuntimeException e) {
      for (int i = 0; i < keys.size(); i++) {
        counts.computeIfAbsent(keys.get(i), c -> new LongAdder()).add(values.get(i));
      }
      throw e;
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (SQLException | RuntimeException e) {
      LOG.warnf(
          "impressions not written, next try in %s: %s", config.exposure().flushInterval(), e);
    }
  }
}
