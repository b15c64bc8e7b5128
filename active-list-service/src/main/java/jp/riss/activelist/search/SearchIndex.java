package jp.riss.activelist.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The published listings in memory, so a search is answered without the database: a slot per
 * listing, a bitset of slots per filter value ({@link ListingFilters}), sorted slot lists per text
 * bigram ({@link TextPostings}) and flat ranking columns ({@link RankingColumns}). A search narrows
 * the slots by filters and text, then ranks only those candidates (through {@link
 * ExposureBalancer}) keeping just the requested page: once the page is full, a candidate whose
 * rotation draw could not reach its last place even at the highest weight is dismissed before its
 * key is computed, so a search over most of the list stays cheap. Listings are replaced one at a
 * time as they change; searches and changes take a read/write lock.
 *
 * <p>Exposure damping works in epochs: the factors of the current and the previous epoch are kept,
 * and a cursor names the epoch its first page was ranked in, so paging stays stable while the
 * impressions that page caused accumulate.
 */
final class SearchIndex {

  private final SearchCodes codes;
  private final ExposureBalancer balancer;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private IndexedListing[] docs = new IndexedListing[1024];
  private final RankingColumns columns;
  private final ListingFilters filters = new ListingFilters();
  private final TextPostings text = new TextPostings();
  private final FacetCache facetCache = new FacetCache();

  private final Map<UUID, Integer> slotOf = new HashMap<>();
  private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
  private int nextSlot;

  /** Counts every change of any listing: what cached facets are valid for. */
  private long changes;

  private ExposureEpoch current = ExposureEpoch.NONE;
  private ExposureEpoch previous = ExposureEpoch.NONE;

  /**
   * Recent top-position impressions per listing as of the start of an epoch, and their mean over
   * all published listings (those never shown count as zero).
   */
  record ExposureEpoch(long epoch, Map<UUID, Long> topImpressions, double meanTopImpressions) {
    static final ExposureEpoch NONE = new ExposureEpoch(-1, Map.of(), 0);
  }

  SearchIndex(SearchCodes codes, ExposureBalancer balancer) {
    this.codes = codes;
    this.balancer = balancer;
    this.columns = new RankingColumns(codes, balancer, docs.length);
  }

  SearchCodes codes() {
    return codes;
  }

  int size() {
    lock.readLock().lock();
    try {
      return slotOf.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  IndexedListing get(UUID id) {
    lock.readLock().lock();
    try {
      Integer slot = slotOf.get(id);
      return slot == null ? null : docs[slot];
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Adds a published listing or replaces the indexed version of it. */
  void put(IndexedListing listing) {
    lock.writeLock().lock();
    try {
      Integer existing = slotOf.get(listing.id);
      int slot;
      if (existing != null) {
        slot = existing;
        unindex(slot, docs[slot]);
      } else {
        slot = freeSlots.isEmpty() ? nextSlot++ : freeSlots.pop();
        if (slot >= docs.length) {
          int length = docs.length * 2;
          docs = Arrays.copyOf(docs, length);
          columns.grow(length);
        }
        slotOf.put(listing.id, slot);
      }
      listing.exposureCurrent = factor(current, listing.id);
      listing.exposurePrevious = factor(previous, listing.id);
      docs[slot] = listing;
      columns.set(slot, listing);
      filters.add(slot, listing, columns.saturated(slot));
      text.add(slot, listing.bigrams);
      changes++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Drops a listing that is no longer published (no-op if it was not indexed). */
  void remove(UUID id) {
    lock.writeLock().lock();
    try {
      Integer slot = slotOf.remove(id);
      if (slot != null) {
        changes++;
        unindex(slot, docs[slot]);
        docs[slot] = null;
        freeSlots.push(slot);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void unindex(int slot, IndexedListing listing) {
    filters.remove(slot, listing);
    text.remove(slot, listing.bigrams);
  }

  /** Starts a new exposure epoch; the one before stays usable for cursors issued in it. */
  void startEpoch(ExposureEpoch epoch) {
    lock.writeLock().lock();
    try {
      previous = current;
      current = epoch;
      for (int slot = 0; slot < docs.length; slot++) {
        IndexedListing listing = docs[slot];
        if (listing != null) {
          listing.exposurePrevious = listing.exposureCurrent;
          listing.exposureCurrent = factor(current, listing.id);
          columns.set(slot, listing);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  long currentEpoch() {
    lock.readLock().lock();
    try {
      return current.epoch();
    } finally {
      lock.readLock().unlock();
    }
  }

  private double factor(ExposureEpoch epoch, UUID id) {
    return balancer.exposureFactor(
        epoch.topImpressions().getOrDefault(id, 0L), epoch.meanTopImpressions());
  }

  /** One page of results for {@code query} in the session {@code seed}, with facets. */
  SearchResult search(SearchQuery query, long freshSeed) {
    RankPosition after = query.after();
    long seed = after != null ? after.seed() : query.seed() != null ? query.seed() : freshSeed;
    lock.readLock().lock();
    try {
      long epoch = after != null ? after.epoch() : current.epoch();
      boolean previousEpoch = epoch == previous.epoch() && epoch != current.epoch();
      if (!previousEpoch) {
        epoch = current.epoch();
      }
      Slots candidates = candidates(query);
      char[] singleCharacters = TextPostings.singleCharacters(query);
      Slots[] requested = filters.requested(query);
      SearchQuery.Filters filterSet = query.filters();
      Serialized<Facets> facets = facetCache.get(filterSet, changes);
      Slots matched = facets == null ? new Slots(nextSlot) : null;
      int limit = query.limit();
      PriorityQueue<Ranked> best = new PriorityQueue<>(limit + 2, Ranked.WORST_FIRST);
      int total = 0;
      int[] wantedFormats = columns.formatIndexes(query.formats());
      int maxFee = query.maxFee() == null ? Integer.MAX_VALUE : query.maxFee();
      boolean checkFee = query.maxFee() != null;
      boolean rotation = query.sort() == SearchQuery.Sort.ROTATION;
      // The columns' arrays in locals: this loop may visit every listing.
      int[] tiers = columns.tiers;
      long[] salts = columns.salts;
      double[] weights = previousEpoch ? columns.weightsPrevious : columns.weightsCurrent;
      // The page's worst entry once the page is full, and the smallest rotation draw that could
      // still beat it: most candidates are dismissed on these before any key is computed.
      RankPosition worst = null;
      int worstTier = Integer.MAX_VALUE;
      long worstPrimary = Long.MAX_VALUE;
      long smallestDraw = 0;
      long[] words = candidates.words();
      for (int word = 0; word < words.length; word++) {
        for (long bits = words[word]; bits != 0; bits &= bits - 1) {
          int slot = (word << 6) + Long.numberOfTrailingZeros(bits);
          int tier = tiers[slot];
          if (checkFee && columns.lowestFee(slot, wantedFormats) > maxFee) {
            continue;
          }
          if (singleCharacters.length > 0
              && !TextPostings.containsAll(docs[slot].text, singleCharacters)) {
            continue;
          }
          if (matched != null) {
            matched.add(slot);
          }
          total++;
          long primary =
              rotation
                  ? -matchedValues(requested, slot)
                  : primary(query, slot, wantedFormats, requested);
          long draw = ExposureBalancer.draw(seed, salts[slot]);
          if (tier != worstTier) {
            if (tier > worstTier) {
              continue;
            }
          } else if (primary != worstPrimary) {
            if (primary > worstPrimary) {
              continue;
            }
          } else if (draw < smallestDraw) {
            continue;
          }
          double key = ExposureBalancer.key(draw, weights[slot]);
          if (worst != null && !before(tier, primary, key, slot, worst)) {
            continue;
          }
          IndexedListing listing = docs[slot];
          RankPosition position = new RankPosition(seed, epoch, 0, tier, primary, key, listing.id);
          if (after != null && !position.isAfter(after)) {
            continue;
          }
          if (best.size() > limit) {
            best.poll();
          }
          best.add(new Ranked(position, listing));
          if (best.size() > limit) {
            worst = best.peek().position();
            worstTier = worst.tier();
            worstPrimary = worst.primary();
            smallestDraw = ExposureBalancer.smallestDrawReaching(worst.key(), columns.maxWeight);
          }
        }
      }
      List<Ranked> page = new ArrayList<>(best);
      page.sort(Comparator.comparing(Ranked::position, RankPosition.ORDER));
      boolean more = page.size() > limit;
      if (more) {
        page = page.subList(0, limit);
      }
      int offset = after == null ? 0 : after.offset();
      RankPosition next = null;
      if (more) {
        RankPosition last = page.get(limit - 1).position;
        next =
            new RankPosition(
                seed, epoch, offset + limit, last.tier(), last.primary(), last.key(), last.id());
      }
      return new SearchResult(
          page.stream().map(r -> r.listing).toList(),
          offset + 1,
          total,
          facets != null
              ? facets
              : facetCache.put(filterSet, changes, filters.facets(codes, matched)),
          seed,
          next);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The slots every filter and text word of {@code query} allows. */
  private Slots candidates(SearchQuery query) {
    Slots candidates = filters.candidates(query);
    for (String word : query.words()) {
      if (word.length() >= 2) {
        candidates = text.containing(word, candidates, nextSlot, slot -> docs[slot].text);
      }
    }
    return candidates;
  }

  private boolean before(int tier, long primary, double key, int slot, RankPosition other) {
    if (tier != other.tier()) {
      return tier < other.tier();
    }
    if (primary != other.primary()) {
      return primary < other.primary();
    }
    if (key != other.key()) {
      return key > other.key();
    }
    return docs[slot].id.compareTo(other.id()) < 0;
  }

  private record Ranked(RankPosition position, IndexedListing listing) {
    static final Comparator<Ranked> WORST_FIRST =
        Comparator.comparing(Ranked::position, RankPosition.ORDER.reversed());
  }

  /** The sort key before the rotation: fewer unmatched requested values, or the explicit sort. */
  private long primary(SearchQuery q, int slot, int[] formats, Slots[] requested) {
    return switch (q.sort()) {
      case FEE -> columns.lowestFee(slot, formats);
      case YEARS_REGISTERED -> {
        int years = docs[slot].yearsRegistered;
        yield years < 0 ? 1 : -years;
      }
      case ROTATION -> -matchedValues(requested, slot);
    };
  }

  private static int matchedValues(Slots[] requested, int slot) {
    int matched = 0;
    for (int i = 0; i < requested.length; i++) {
      matched += requested[i].contains(slot) ? 1 : 0;
    }
    return matched;
  }
}
