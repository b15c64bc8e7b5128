package jp.riss.guide.specialists;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The specialists a gap recommends are the first cards, in the seed's order, of every candidate
 * list of the gap's themes together: each listing once however many of the themes it covers, and
 * for the online places none listed in the organisation's own prefecture. {@link
 * SpecialistCards#first} keeps only a handful of places while it walks the lists; this checks it
 * against that definition worked out the long way (one map of all cards, sorted).
 */
class SpecialistOrderTest {

  private static final List<String> PREFECTURES = List.of("13", "14", "27");

  @Test
  void theFirstCardsOfSeveralThemesAreEachListingOnceInTheSeedsOrder() {
    Random random = new Random(20261206L);
    for (int round = 0; round < 500; round++) {
      List<MatchCandidates.Card> pool = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(40); i++) {
        pool.add(card(random));
      }
      // Two or three themes' lists over the same pool: a listing of several themes is in several.
      List<List<MatchCandidates.Card>> lists = new ArrayList<>();
      for (int t = 0; t < 2 + random.nextInt(2); t++) {
        List<MatchCandidates.Card> list = new ArrayList<>();
        for (MatchCandidates.Card c : pool) {
          if (random.nextInt(3) > 0) {
            list.add(c);
          }
        }
        lists.add(list);
      }
      long seed = random.nextLong() >>> 11;
      int limit = 1 + random.nextInt(6);
      String notIn = random.nextBoolean() ? null : PREFECTURES.get(random.nextInt(3));

      assertEquals(
          ids(theLongWay(lists, notIn, seed, limit)),
          ids(SpecialistCards.first(lists, notIn, seed, limit)),
          "round " + round + ", limit " + limit + ", not in " + notIn);
    }
  }

  @Test
  void aListingInEveryThemeTakesOnePlace() {
    MatchCandidates.Card everywhere = card(new Random(1));
    MatchCandidates.Card other = card(new Random(2));
    List<MatchCandidates.Card> first =
        SpecialistCards.first(
            List.of(List.of(everywhere, other), List.of(everywhere), List.of(other, everywhere)),
            null,
            42,
            5);
    assertEquals(2, first.size());
    assertEquals(2, ids(first).stream().distinct().count());
  }

  private static List<MatchCandidates.Card> theLongWay(
      List<List<MatchCandidates.Card>> lists, String notIn, long seed, int limit) {
    Map<UUID, MatchCandidates.Card> all = new LinkedHashMap<>();
    for (List<MatchCandidates.Card> list : lists) {
      for (MatchCandidates.Card c : list) {
        if (notIn == null || !c.prefectures().contains(notIn)) {
          all.putIfAbsent(c.listingId(), c);
        }
      }
    }
    return all.values().stream()
        .sorted(Comparator.comparingLong(c -> SpecialistCards.rank(c, seed)))
        .limit(limit)
        .toList();
  }

  private static List<UUID> ids(List<MatchCandidates.Card> cards) {
    return cards.stream().map(MatchCandidates.Card::listingId).toList();
  }

  private static MatchCandidates.Card card(Random random) {
    return new MatchCandidates.Card(
        new UUID(random.nextLong(), random.nextLong()),
        "専門家",
        List.of(PREFECTURES.get(random.nextInt(3))),
        List.of(1 + random.nextInt(6)),
        random.nextBoolean(),
        random.nextBoolean(),
        random.nextInt(4) == 0 ? "LIMITED" : "ACCEPTING",
        List.of());
  }
}
