package jp.riss.activelist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.listing.SelfDeclared;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index ranks a search without computing every candidate's key (it skips those that cannot
 * reach the page) and without sorting them all: whatever it skips, paging through a search must
 * give exactly the order a full sort of every matching listing gives — the same listings, none
 * twice, none missing — with loads, exposure and fees as varied as a real list.
 */
class SearchIndexRankingTest {

  static final int LISTINGS = 3_000;
  static final ExposureBalancer BALANCER = new ExposureBalancer(ExposureBalancer.Settings.DEFAULTS);

  record Case(String name, SearchQuery query) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> searches() {
    return Stream.of(
        new Case("everything", query(List.of(), List.of(), null, false, SearchQuery.Sort.ROTATION)),
        new Case(
            "one theme", query(List.of("1"), List.of(), null, false, SearchQuery.Sort.ROTATION)),
        new Case(
            "two themes, more matched first",
            query(List.of("1", "2"), List.of(), null, false, SearchQuery.Sort.ROTATION)),
        new Case(
            "accepting only",
            query(List.of("3"), List.of(), null, true, SearchQuery.Sort.ROTATION)),
        new Case(
            "online up to a fee",
            query(List.of(), List.of("online"), 20_000, false, SearchQuery.Sort.ROTATION)),
        new Case(
            "fee ascending", query(List.of("2"), List.of(), null, false, SearchQuery.Sort.FEE)),
        new Case(
            "on-site fee ascending",
            query(List.of(), List.of("on-site"), null, false, SearchQuery.Sort.FEE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("searches")
  void pagingGivesExactlyTheFullSortOrder(Case search) {
    SearchIndex index = new SearchIndex(SearchFixtures.codes(), BALANCER);
    Random random = new Random(20261126L);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < LISTINGS; i++) {
      StoredListing row = listing(random);
      ids.add(row.id());
      index.put(IndexedListing.of(row, SearchFixtures.codes(), SearchFixtures.today()));
    }
    // Uneven recent exposure: weights from the minimum factor up to the maximum boost.
    Map<UUID, Long> shown = new HashMap<>();
    for (UUID id : ids) {
      if (random.nextInt(3) == 0) {
        shown.put(id, (long) random.nextInt(200));
      }
    }
    index.startEpoch(new SearchIndex.ExposureEpoch(1, shown, 30));

    for (long seed : new long[] {1, 42, 987_654_321L}) {
      List<UUID> expected = fullSort(index, ids, search.query(), seed);
      List<UUID> paged = new ArrayList<>();
      RankPosition after = null;
      int pages = 0;
      do {
        SearchResult page = index.search(withCursor(search.query(), seed, after), 0);
        assertEquals(expected.size(), page.total(), "total");
        page.hits().forEach(hit -> paged.add(hit.id));
        after = page.next();
        pages++;
      } while (after != null && pages < 1_000);
      assertFalse(expected.isEmpty(), "the case must match something");
      assertEquals(expected, paged, "seed " + seed);
    }
  }

  /** The order by definition: every matching listing's full position, sorted. */
  private static List<UUID> fullSort(SearchIndex index, List<UUID> ids, SearchQuery q, long seed) {
    List<RankPosition> positions = new ArrayList<>();
    for (UUID id : ids) {
      IndexedListing listing = index.get(id);
      ListingSummary s = listing.summary;
      boolean themeMatches =
          q.themes().isEmpty() || s.themes().stream().anyMatch(t -> q.themes().contains("" + t));
      boolean formatMatches =
          q.formats().isEmpty()
              || s.formats().stream().anyMatch(f -> q.formats().contains(f.format()));
      int tier = ExposureBalancer.tier(listing);
      int fee = lowestFee(s, q.formats());
      if (!themeMatches
          || !formatMatches
          || (q.acceptingOnly() && tier == ExposureBalancer.SATURATED)
          || (q.maxFee() != null && fee > q.maxFee())) {
        continue;
      }
      long primary =
          q.sort() == SearchQuery.Sort.FEE
              ? fee
              : -s.themes().stream().filter(t -> q.themes().contains("" + t)).count();
      double key =
          ExposureBalancer.key(
              ExposureBalancer.draw(seed, listing.rotationSalt), BALANCER.weight(listing, false));
      positions.add(new RankPosition(seed, 1, 0, tier, primary, key, id));
    }
    positions.sort(RankPosition.ORDER);
    return positions.stream().map(RankPosition::id).toList();
  }

  private static int lowestFee(ListingSummary s, List<String> formats) {
    return s.formats().stream()
        .filter(f -> formats.isEmpty() || formats.contains(f.format()))
        .map(f -> f.feePerSessionJpy() == null ? IndexedListing.NO_FEE : f.feePerSessionJpy())
        .min(Comparator.naturalOrder())
        .orElse(IndexedListing.NO_FEE);
  }

  private static StoredListing listing(Random random) {
    List<Integer> themes = Stream.of(1, 2, 3, 4).filter(t -> random.nextInt(3) == 0).toList();
    List<SelfDeclared.FormatFee> formats = new ArrayList<>();
    if (random.nextBoolean()) {
      formats.add(new SelfDeclared.FormatFee("on-site", 10_000 + 5_000 * random.nextInt(6)));
    }
    if (random.nextInt(4) > 0) {
      // Some fees are not stated: offered, but matching no fee limit and sorted last.
      Integer fee = random.nextInt(5) == 0 ? null : 5_000 * (1 + random.nextInt(6));
      formats.add(new SelfDeclared.FormatFee("online", fee));
    }
    SelfDeclared.Availability.Status status =
        switch (random.nextInt(10)) {
          case 0 -> SelfDeclared.Availability.Status.NOT_ACCEPTING;
          case 1, 2 -> SelfDeclared.Availability.Status.LIMITED;
          default -> SelfDeclared.Availability.Status.ACCEPTING;
        };
    return new StoredListing(
        UUID.randomUUID(),
        1,
        ListingStatus.PUBLISHED,
        OffsetDateTime.now(),
        String.format("%06d", random.nextInt(1_000_000)),
        "情報 太郎",
        "じょうほう たろう",
        SelfDeclared.Affiliation.Kind.INDEPENDENT,
        null,
        List.of("13"),
        false,
        themes.isEmpty() ? List.of(1 + random.nextInt(4)) : themes,
        List.of("E"),
        formats.isEmpty() ? List.of(new SelfDeclared.FormatFee("lecture", 30_000)) : formats,
        random.nextBoolean(),
        List.of("spot"),
        List.of(),
        List.of(),
        "規程の整備を支援します",
        List.of(),
        new SelfDeclared.Availability(status, null),
        1 + random.nextInt(5),
        random.nextInt(6),
        null);
  }

  private static SearchQuery query(
      List<String> themes,
      List<String> formats,
      Integer maxFee,
      boolean acceptingOnly,
      SearchQuery.Sort sort) {
    return new SearchQuery(
        themes,
        List.of(),
        false,
        List.of(),
        formats,
        maxFee,
        false,
        List.of(),
        List.of(),
        null,
        acceptingOnly,
        List.of(),
        sort,
        null,
        20,
        null);
  }

  private static SearchQuery withCursor(SearchQuery q, long seed, RankPosition after) {
    return new SearchQuery(
        q.themes(),
        q.prefectures(),
        q.includeOnline(),
        q.industries(),
        q.formats(),
        q.maxFee(),
        q.firstFree(),
        q.qualifications(),
        q.engagementLengths(),
        q.affiliation(),
        q.acceptingOnly(),
        q.words(),
        q.sort(),
        seed,
        q.limit(),
        after);
  }
}
