package jp.riss.guide.specialists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import jp.riss.platform.stats.Gini;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 10,000 simulated diagnoses, each with its own seed, ask for the top three specialists among 30
 * equally matching listings (same theme, same prefecture, all accepting), measured as the Active
 * List measures its search: the Gini of top-three exposure must stay at or under 0.05, and the
 * listings that take no inquiries (full, not accepting) must never be shown. The listings reach the
 * read model through the real consumer; the seeds are fixed, so the run is deterministic.
 */
@QuarkusTest
class RecommendationFairnessTest {

  static final int DIAGNOSES = 10_000;
  static final int EQUAL_LISTINGS = 30;
  // A theme and prefecture no other test uses, so the equals are exactly these listings.
  static final List<Integer> THEME = List.of(77);
  static final String KAGOSHIMA = "46";

  @Inject SpecialistCards cards;
  @Inject AgroalDataSource dataSource;

  // Published once for the class (JUnit makes an instance per test; the read model outlives them).
  private static final List<UUID> equal = new ArrayList<>();
  private static UUID full;
  private static UUID closed;

  @BeforeEach
  void listings() {
    if (!equal.isEmpty()) {
      return;
    }
    try (ListingEvents events = new ListingEvents()) {
      for (int i = 0; i < EQUAL_LISTINGS; i++) {
        UUID id = UUID.randomUUID();
        equal.add(id);
        events.send(ListingEvents.Listing.published(id, "均等 " + i, List.of(KAGOSHIMA), THEME));
      }
      full = UUID.randomUUID();
      events.send(
          ListingEvents.Listing.published(full, "満員", List.of(KAGOSHIMA), THEME)
              .availability("AT_CAPACITY", 1));
      closed = UUID.randomUUID();
      events.send(
          ListingEvents.Listing.published(closed, "休止", List.of(KAGOSHIMA), THEME)
              .availability("NOT_ACCEPTING", 1));
      events.awaitApplied(dataSource);
    }
  }

  @Test
  void topThreeExposureAmongEqualsIsSharedEvenlyAndFullOnesGetNone() {
    Random diagnoses = new Random(20261205L);
    Map<UUID, Long> top3 = new HashMap<>();
    for (int d = 0; d < DIAGNOSES; d++) {
      long seed = diagnoses.nextInt(Integer.MAX_VALUE);
      List<SpecialistMatch> shown = cards.match(THEME, KAGOSHIMA, seed, 3);
      assertEquals(3, shown.size());
      shown.forEach(s -> top3.merge(s.listingId(), 1L, Long::sum));
    }
    long[] counts = equal.stream().mapToLong(id -> top3.getOrDefault(id, 0L)).toArray();
    double gini = Gini.of(counts);
    double mean = 3.0 * DIAGNOSES / EQUAL_LISTINGS;
    long max = java.util.Arrays.stream(counts).max().orElseThrow();
    long min = java.util.Arrays.stream(counts).min().orElseThrow();
    System.out.printf(
        "guide fairness: %d diagnoses, %d equal listings: top-3 Gini %.4f, max/mean %.3f,"
            + " min/mean %.3f%n",
        DIAGNOSES, EQUAL_LISTINGS, gini, max / mean, min / mean);

    assertEquals(
        3L * DIAGNOSES, java.util.Arrays.stream(counts).sum(), "only the equals are shown");
    assertTrue(gini <= 0.05, "top-3 Gini " + gini);
    assertEquals(0L, top3.getOrDefault(full, 0L), "a full listing is never recommended");
    assertEquals(0L, top3.getOrDefault(closed, 0L), "a closed listing is never recommended");
  }

  @Test
  void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
    List<UUID> first = ids(cards.match(THEME, KAGOSHIMA, 7, 10));
    assertEquals(first, ids(cards.match(THEME, KAGOSHIMA, 7, 10)));
    assertNotEquals(first, ids(cards.match(THEME, KAGOSHIMA, 8, 10)));
  }

  private static List<UUID> ids(List<SpecialistMatch> matches) {
    return matches.stream().map(SpecialistMatch::listingId).toList();
  }
}
