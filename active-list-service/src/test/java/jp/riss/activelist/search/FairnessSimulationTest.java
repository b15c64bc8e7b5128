package jp.riss.activelist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import jp.riss.platform.stats.Gini;
import org.junit.jupiter.api.Test;

/**
 * 10,000 simulated searches among equally matching listings, ranked by the index and balancer the
 * endpoint uses, with impressions fed back into exposure damping epoch by epoch on a simulated
 * clock: the top three places must be shared evenly, and a specialist at capacity must get (almost)
 * none of them. Deterministic: fixed seeds throughout.
 */
class FairnessSimulationTest {

  static final int SEARCHES = 10_000;
  static final int EQUAL_LISTINGS = 30;

  /** Searches per exposure epoch (5 minutes of a busy portal), and epochs per 24 h window. */
  static final int SEARCHES_PER_EPOCH = 50;

  static final int WINDOW_EPOCHS = 40;

  @Test
  void topThreeExposureIsSharedEvenlyAndSaturatedSpecialistsGetNone() {
    SearchIndex index =
        new SearchIndex(
            SearchFixtures.codes(), new ExposureBalancer(ExposureBalancer.Settings.DEFAULTS));
    List<UUID> equal = new ArrayList<>();
    for (int i = 0; i < EQUAL_LISTINGS; i++) {
      StoredListing row = SearchFixtures.listing(0);
      equal.add(row.id());
      index.put(IndexedListing.of(row, SearchFixtures.codes(), SearchFixtures.today()));
    }
    StoredListing full = SearchFixtures.listing(3);
    index.put(IndexedListing.of(full, SearchFixtures.codes(), SearchFixtures.today()));
    StoredListing busy = SearchFixtures.listing(2);
    index.put(IndexedListing.of(busy, SearchFixtures.codes(), SearchFixtures.today()));

    Random sessions = new Random(20260401L);
    Map<UUID, Long> top3 = new HashMap<>();
    Deque<Map<UUID, Long>> window = new ArrayDeque<>();
    Map<UUID, Long> thisEpoch = new HashMap<>();
    for (int search = 0; search < SEARCHES; search++) {
      if (search % SEARCHES_PER_EPOCH == 0) {
        startEpoch(index, search / SEARCHES_PER_EPOCH, window, thisEpoch);
        thisEpoch = new HashMap<>();
      }
      SearchResult result =
          index.search(SearchFixtures.themeQuery(3, sessions.nextLong() >>> 11), 0);
      assertEquals(3, result.items().size());
      for (ListingSummary shown : result.items()) {
        top3.merge(shown.id(), 1L, Long::sum);
        thisEpoch.merge(shown.id(), 1L, Long::sum);
      }
    }

    long[] equalCounts = equal.stream().mapToLong(id -> top3.getOrDefault(id, 0L)).toArray();
    long slots = 3L * SEARCHES;
    double mean = (double) java.util.Arrays.stream(equalCounts).sum() / EQUAL_LISTINGS;
    long max = java.util.Arrays.stream(equalCounts).max().orElseThrow();
    long min = java.util.Arrays.stream(equalCounts).min().orElseThrow();
    double gini = Gini.of(equalCounts);
    double fullShare = top3.getOrDefault(full.id(), 0L) / (double) slots;
    long busyCount = top3.getOrDefault(busy.id(), 0L);
    System.out.printf(
        "fairness: %d searches, %d equal listings: top-3 Gini %.4f, max/mean %.3f, min/mean %.3f;"
            + " at capacity %.4f%% of top-3 slots; 2 of 3 open inquiries %.3f x mean%n",
        SEARCHES, EQUAL_LISTINGS, gini, max / mean, min / mean, fullShare * 100, busyCount / mean);

    assertTrue(gini <= 0.10, "top-3 Gini " + gini);
    assertTrue(max <= 1.5 * mean, "max share " + max / mean + " x mean");
    assertTrue(fullShare < 0.01, "at capacity: " + fullShare + " of top-3 slots");
    assertTrue(busyCount < mean, "a busy specialist is damped: " + busyCount / mean + " x mean");
  }

  /** What the service does every epoch: damping from the impressions of the last window. */
  private static void startEpoch(
      SearchIndex index, long epoch, Deque<Map<UUID, Long>> window, Map<UUID, Long> finished) {
    window.addLast(finished);
    if (window.size() > WINDOW_EPOCHS) {
      window.removeFirst();
    }
    Map<UUID, Long> recent = new HashMap<>();
    window.forEach(counts -> counts.forEach((id, n) -> recent.merge(id, n, Long::sum)));
    long total = recent.values().stream().mapToLong(Long::longValue).sum();
    double mean = (double) total / Math.max(1, index.size());
    index.startEpoch(new SearchIndex.ExposureEpoch(epoch, recent, mean));
  }

  @Test
  void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
    SearchIndex index =
        new SearchIndex(
            SearchFixtures.codes(), new ExposureBalancer(ExposureBalancer.Settings.DEFAULTS));
    for (int i = 0; i < 10; i++) {
      index.put(
          IndexedListing.of(
              SearchFixtures.listing(0), SearchFixtures.codes(), SearchFixtures.today()));
    }
    List<UUID> first = ids(index.search(SearchFixtures.themeQuery(10, 7), 0));
    assertEquals(first, ids(index.search(SearchFixtures.themeQuery(10, 7), 0)));
    assertTrue(!first.equals(ids(index.search(SearchFixtures.themeQuery(10, 8), 0))));
  }

  private static List<UUID> ids(SearchResult result) {
    return result.items().stream().map(ListingSummary::id).toList();
  }
}
