package jp.riss.activelist.search;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.listing.ListingTouched;
import org.jboss.logging.Logger;

/**
 * Keeps the in-memory {@link SearchIndex} in step with the database and answers searches from it.
 * All published listings are loaded at startup; a listing this process changed is re-read as soon
 * as its transaction commits; every few seconds the listings any replica changed are read again (by
 * updated_at, with an overlap for late commits); now and then the whole index is rebuilt. Exposure
 * epochs start on a clock aligned across replicas.
 */
@ApplicationScoped
public class ListingSearch {

  @Inject Clock clock;

  private static final Logger LOG = Logger.getLogger(ListingSearch.class);
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  /** Seeds stay below 2^53 so that JSON clients read them back exactly. */
  private static final long SEED_BOUND = 1L << 53;

  @Inject PublishedListings listings;
  @Inject SearchReferenceData reference;
  @Inject ExposureStatistics exposure;
  @Inject SearchConfig config;

  private volatile SearchIndex index;
  private volatile OffsetDateTime seenUpTo;

  /**
   * The day (in Japan) the index's availability was judged for; see {@link #catchUp(LocalDate)}.
   */
  private volatile LocalDate indexedOn;

  private volatile SearchIndex.ExposureEpoch currentEpoch = SearchIndex.ExposureEpoch.NONE;
  private volatile SearchIndex.ExposureEpoch previousEpoch = SearchIndex.ExposureEpoch.NONE;
  private ScheduledExecutorService timer;

  /** Completes when the first index, holding every published listing, is in place. */
  private final CompletableFuture<Void> loaded = new CompletableFuture<>();

  private final AtomicBoolean loading = new AtomicBoolean();

  /**
   * Starts building the first index on a thread of its own; does nothing when it has already
   * started. {@link SearchIndexEarlyLoad} calls it as soon as Flyway has migrated the schema, so
   * that reading the listings runs while Hibernate and the rest of Quarkus start on the main thread
   * instead of after them. Plain JDBC throughout ({@link PublishedListings}, {@link
   * SearchReferenceData}, {@link ExposureStatistics}): Hibernate may not be ready yet.
   */
  void startLoading() {
    if (!loading.compareAndSet(false, true)) {
      return;
    }
    Thread loader =
        new Thread(
            () -> {
              try {
                rebuild();
                loaded.complete(null);
              } catch (SQLException | RuntimeException | Error e) {
                loaded.completeExceptionally(e);
              }
            },
            "search-index-load");
    loader.setDaemon(true);
    loader.start();
  }

  /**
   * Waits here until the first index holds every published listing: {@code StartupEvent} observers
   * run before the HTTP server opens its port, so no search can be answered, and readiness cannot
   * be green, from an index that is still loading. A failed load fails the start, as before.
   */
  void start(@Observes StartupEvent event) throws SQLException {
    startLoading();
    awaitLoaded();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "search-index");
              thread.setDaemon(true);
              return thread;
            });
    every(config.catchUpInterval().toMillis(), this::catchUp);
    every(Math.min(config.exposure().epoch().toMillis(), 5_000), this::startEpochIfDue);
    every(config.rebuildInterval().toMillis(), this::rebuild);
  }

  private void awaitLoaded() throws SQLException {
    try {
      loaded.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the search index was loading", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("the search index could not be loaded", e.getCause());
    }
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private interface Job {
    void run() throws SQLException;
  }

  private void every(long millis, Job job) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            job.run();
          } catch (SQLException | RuntimeException e) {
            LOG.warnf("search index maintenance failed, will retry: %s", e);
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  /** Re-reads a listing once the transaction that changed it has committed. */
  void onTouched(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListingTouched touched) {
    try {
      refresh(touched.listingId());
    } catch (SQLException | RuntimeException e) {
      // The next catch-up reads it again.
      LOG.warnf("search index not refreshed for listing %s: %s", touched.listingId(), e);
    }
  }

  /** Reads one listing again: indexed when published, dropped otherwise. */
  public void refresh(UUID id) throws SQLException {
    SearchIndex current = index;
    if (current == null) {
      // A change committed while the first index is loading (an event consumer's, say): the
      // first catch-up reads every change since that load began.
      return;
    }
    Optional<StoredListing> row = listings.one(id);
    if (row.isPresent() && row.get().status() == ListingStatus.PUBLISHED) {
      current.put(IndexedListing.of(row.get(), current.codes(), indexedOn));
    } else {
      current.remove(id);
    }
  }

  /** Reads the listings changed since the last catch-up (by any replica). */
  public void catchUp() throws SQLException {
    catchUp(today());
  }

  /**
   * As {@link #catchUp()} on {@code today}. "Not accepting until" a date ends with that date, while
   * nothing about the listing changes: when the day has turned, the whole index is judged afresh.
   */
  void catchUp(LocalDate today) throws SQLException {
    if (!today.equals(indexedOn)) {
      rebuild(today);
      return;
    }
    OffsetDateTime since = seenUpTo.minus(config.catchUpOverlap());
    OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    SearchIndex current = index;
    for (StoredListing row : listings.changedSince(since)) {
      if (row.status() != ListingStatus.PUBLISHED) {
        current.remove(row.id());
        continue;
      }
      IndexedListing indexed = current.get(row.id());
      boolean registryChanged =
          indexed != null
              && !java.util.Objects.equals(
                  indexed.registryVerifiedAt,
                  row.registry() == null ? null : row.registry().verifiedAt());
      // The inquiry load changes without a new version (an inquiry must not fail the owner's edit).
      boolean loadChanged = indexed != null && indexed.openInquiries != row.openInquiries();
      if (indexed == null || indexed.version != row.version() || registryChanged || loadChanged) {
        current.put(IndexedListing.of(row, current.codes(), today));
      }
    }
    seenUpTo = startedAt;
  }

  /** Builds a new index from all published listings and swaps it in. */
  public void rebuild() throws SQLException {
    rebuild(today());
  }

  private synchronized void rebuild(LocalDate today) throws SQLException {
    OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    SearchCodes codes = reference.load();
    SearchIndex fresh = new SearchIndex(codes, new ExposureBalancer(settings()));
    for (StoredListing row : listings.allPublished()) {
      fresh.put(IndexedListing.of(row, codes, today));
    }
    fresh.startEpoch(previousEpoch);
    fresh.startEpoch(currentEpoch);
    boolean first = index == null;
    index = fresh;
    indexedOn = today;
    if (first) {
      seenUpTo = startedAt;
      startEpochIfDue();
    }
    LOG.debugf("search index rebuilt with %d published listings", fresh.size());
  }

  /** Recomputes exposure damping when a new epoch (aligned on the clock) has begun. */
  public void startEpochIfDue() throws SQLException {
    long length = config.exposure().epoch().toMillis();
    long epoch = System.currentTimeMillis() / length;
    if (epoch == currentEpoch.epoch()) {
      return;
    }
    OffsetDateTime start =
        OffsetDateTime.ofInstant(Instant.ofEpochMilli(epoch * length), ZoneOffset.UTC);
    SearchIndex current = index;
    Map<UUID, Long> top =
        exposure.inBucket(
            current.codes().top().code(), start.minus(config.exposure().window()), start);
    long total = top.values().stream().mapToLong(Long::longValue).sum();
    double mean = (double) total / Math.max(1, Math.max(current.size(), top.size()));
    SearchIndex.ExposureEpoch next = new SearchIndex.ExposureEpoch(epoch, Map.copyOf(top), mean);
    previousEpoch = currentEpoch;
    currentEpoch = next;
    current.startEpoch(next);
  }

  public SearchResult search(SearchQuery query) {
    return index.search(query, ThreadLocalRandom.current().nextLong(SEED_BOUND));
  }

  SearchCodes codes() {
    return index.codes();
  }

  int size() {
    return index.size();
  }

  private ExposureBalancer.Settings settings() {
    SearchConfig.Ranking r = config.ranking();
    return new ExposureBalancer.Settings(
        r.minLoadFactor(), r.limitedFactor(), r.maxExposureBoost(), r.minExposureFactor());
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(JAPAN));
  }
}
