package jp.riss.activelist.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import jp.riss.activelist.listing.SelfDeclared;

/**
 * The published listings in memory, so a search is answered without the database: a slot per
 * listing, a bitset of slots per filter value, sorted slot lists per text bigram. A search narrows
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

  /*
   * What ranking reads of every candidate, by slot in flat arrays: a search may rank all listings,
   * and walking arrays in order is many times faster than visiting 50,000 scattered objects.
   */
  private int[] tiers = new int[1024];
  private long[] salts = new long[1024];
  private double[] weightsCurrent = new double[1024];
  private double[] weightsPrevious = new double[1024];

  /** An upper bound of every weight above: what lets ranking skip hopeless candidates. */
  private double maxWeight = Double.MIN_VALUE;

  /**
   * Per slot and consultation format (in the order of {@link SearchCodes#formats()}): the stated
   * fee, or {@link IndexedListing#NO_FEE} when the format is not offered or has no fee stated.
   */
  private final int formatCount;

  private int[] fees;
  private final Map<UUID, Integer> slotOf = new HashMap<>();
  private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
  private int nextSlot;

  private final Slots live = new Slots();
  private final Slots saturated = new Slots();
  private final Slots online = new Slots();
  private final Slots firstFree = new Slots();
  private final FilterSlots themes = new FilterSlots();
  private final FilterSlots prefectures = new FilterSlots();
  private final FilterSlots industries = new FilterSlots();
  private final FilterSlots formats = new FilterSlots();
  private final FilterSlots qualifications = new FilterSlots();
  private final FilterSlots engagementLengths = new FilterSlots();
  private final Map<SelfDeclared.Affiliation.Kind, Slots> affiliations =
      new EnumMap<>(SelfDeclared.Affiliation.Kind.class);
  private final Map<Integer, Postings> bigrams = new HashMap<>();

  /**
   * Facet counts depend on the filters only, not on the session's rotation or the page, and the
   * index changes far more rarely than it is searched: they are kept per filter set until the next
   * change of any listing ({@link #changes}).
   */
  private final Map<SearchQuery.Filters, CountedFacets> facetCache = new ConcurrentHashMap<>();

  private static final int FACET_CACHE_ENTRIES = 10_000;
  private long changes;

  private record CountedFacets(long changes, Serialized<Facets> facets) {}

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
    this.formatCount = Math.max(1, codes.formats().size());
    this.fees = new int[docs.length * formatCount];
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
          tiers = Arrays.copyOf(tiers, length);
          salts = Arrays.copyOf(salts, length);
          weightsCurrent = Arrays.copyOf(weightsCurrent, length);
          weightsPrevious = Arrays.copyOf(weightsPrevious, length);
          fees = Arrays.copyOf(fees, length * formatCount);
        }
        slotOf.put(listing.id, slot);
      }
      listing.exposureCurrent = factor(current, listing.id);
      listing.exposurePrevious = factor(previous, listing.id);
      docs[slot] = listing;
      rankingFields(slot, listing);
      index(slot, listing);
      changes++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void rankingFields(int slot, IndexedListing listing) {
    tiers[slot] = ExposureBalancer.tier(listing);
    salts[slot] = listing.rotationSalt;
    weightsCurrent[slot] = balancer.weight(listing, false);
    weightsPrevious[slot] = balancer.weight(listing, true);
    maxWeight = Math.max(maxWeight, Math.max(weightsCurrent[slot], weightsPrevious[slot]));
    int row = slot * formatCount;
    Arrays.fill(fees, row, row + formatCount, IndexedListing.NO_FEE);
    for (int i = 0; i < listing.formats.size(); i++) {
      int format = codes.formats().indexOf(listing.formats.get(i));
      if (format >= 0) {
        fees[row + format] = Math.min(fees[row + format], listing.fees[i]);
      }
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
          rankingFields(slot, listing);
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

  private void index(int slot, IndexedListing listing) {
    ListingSummary s = listing.summary;
    live.add(slot);
    if (tiers[slot] == ExposureBalancer.SATURATED) {
      saturated.add(slot);
    }
    if (s.onlineNationwide()) {
      online.add(slot);
    }
    if (s.firstConsultationFree()) {
      firstFree.add(slot);
    }
    themes.add(slot, themeCodes(s));
    prefectures.add(slot, s.prefectures());
    industries.add(slot, s.industries());
    formats.add(slot, listing.formats);
    qualifications.add(slot, s.qualifications());
    engagementLengths.add(slot, s.engagementLengths());
    affiliations.computeIfAbsent(s.affiliation().kind(), k -> new Slots()).add(slot);
    for (int bigram : listing.bigrams) {
      bigrams.computeIfAbsent(bigram, b -> new Postings()).add(slot);
    }
  }

  private void unindex(int slot, IndexedListing listing) {
    ListingSummary s = listing.summary;
    live.remove(slot);
    saturated.remove(slot);
    online.remove(slot);
    firstFree.remove(slot);
    themes.remove(slot, themeCodes(s));
    prefectures.remove(slot, s.prefectures());
    industries.remove(slot, s.industries());
    formats.remove(slot, listing.formats);
    qualifications.remove(slot, s.qualifications());
    engagementLengths.remove(slot, s.engagementLengths());
    affiliations.values().forEach(slots -> slots.remove(slot));
    for (int bigram : listing.bigrams) {
      Postings postings = bigrams.get(bigram);
      if (postings != null) {
        postings.remove(slot);
        if (postings.size() == 0) {
          bigrams.remove(bigram);
        }
      }
    }
  }

  private static List<String> themeCodes(ListingSummary s) {
    return s.themes().stream().map(String::valueOf).toList();
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
      Slots candidates = filter(query);
      char[] singleCharacters = singleCharacters(query);
      Slots[] requested = requested(query);
      SearchQuery.Filters filters = query.filters();
      CountedFacets counted = facetCache.get(filters);
      Serialized<Facets> facets =
          counted != null && counted.changes() == changes ? counted.facets() : null;
      Slots matched = facets == null ? new Slots(nextSlot) : null;
      int limit = query.limit();
      PriorityQueue<Ranked> best = new PriorityQueue<>(limit + 2, Ranked.WORST_FIRST);
      int total = 0;
      int[] wantedFormats = formatIndexes(query.formats());
      int maxFee = query.maxFee() == null ? Integer.MAX_VALUE : query.maxFee();
      boolean checkFee = query.maxFee() != null;
      boolean rotation = query.sort() == SearchQuery.Sort.ROTATION;
      double[] weights = previousEpoch ? weightsPrevious : weightsCurrent;
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
          if (checkFee && lowestFee(slot, wantedFormats) > maxFee) {
            continue;
          }
          if (singleCharacters.length > 0 && !containsAll(docs[slot].text, singleCharacters)) {
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
            smallestDraw = ExposureBalancer.smallestDrawReaching(worst.key(), maxWeight);
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
          facets != null ? facets : countFacets(filters, matched),
          seed,
          next);
    } finally {
      lock.readLock().unlock();
    }
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

  /** The slots every set-valued filter and text word allows. */
  private Slots filter(SearchQuery q) {
    Slots candidates = live.copy();
    if (q.acceptingOnly()) {
      candidates.removeAll(saturated);
    }
    if (!q.themes().isEmpty()) {
      candidates.retain(themes.anyOf(q.themes(), null));
    }
    if (!q.prefectures().isEmpty()) {
      candidates.retain(prefectures.anyOf(q.prefectures(), q.includeOnline() ? online : null));
    }
    if (!q.industries().isEmpty()) {
      candidates.retain(industries.anyOf(q.industries(), null));
    }
    if (!q.formats().isEmpty()) {
      candidates.retain(formats.anyOf(q.formats(), null));
    }
    if (!q.qualifications().isEmpty()) {
      candidates.retain(qualifications.anyOf(q.qualifications(), null));
    }
    if (!q.engagementLengths().isEmpty()) {
      candidates.retain(engagementLengths.anyOf(q.engagementLengths(), null));
    }
    if (q.firstFree()) {
      candidates.retain(firstFree);
    }
    if (q.affiliation() != null) {
      candidates.retain(affiliations.getOrDefault(q.affiliation(), new Slots()));
    }
    for (String word : q.words()) {
      if (word.length() >= 2) {
        candidates = containing(word, candidates);
      }
    }
    return candidates;
  }

  /**
   * The candidates whose text contains {@code word}: those in the postings of all its bigrams,
   * walking the rarest list or the candidates, whichever is shorter; then, for words longer than
   * one bigram, the text itself (the bigrams could be apart).
   */
  private Slots containing(String word, Slots candidates) {
    int[] keys = JapaneseText.bigrams(word);
    Postings[] lists = new Postings[keys.length];
    for (int i = 0; i < keys.length; i++) {
      lists[i] = bigrams.get(keys[i]);
      if (lists[i] == null) {
        return new Slots();
      }
    }
    Arrays.sort(lists, Comparator.comparingInt(Postings::size));
    boolean readText = word.length() > 2;
    Slots found = new Slots(nextSlot);
    Postings rarest = lists[0];
    if (candidates.size() < rarest.size()) {
      for (int slot = candidates.next(0); slot >= 0; slot = candidates.next(slot + 1)) {
        if (inAll(lists, 0, slot) && (!readText || docs[slot].text.contains(word))) {
          found.add(slot);
        }
      }
      return found;
    }
    for (int i = 0; i < rarest.size(); i++) {
      int slot = rarest.get(i);
      if (candidates.contains(slot)
          && inAll(lists, 1, slot)
          && (!readText || docs[slot].text.contains(word))) {
        found.add(slot);
      }
    }
    return found;
  }

  private static boolean inAll(Postings[] lists, int from, int slot) {
    for (int j = from; j < lists.length; j++) {
      if (!lists[j].contains(slot)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code text} has every one of {@code characters}. */
  private static boolean containsAll(String text, char[] characters) {
    for (int i = 0; i < characters.length; i++) {
      if (text.indexOf(characters[i]) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The positions of {@code formats} in the fee table; every format when none is asked for. */
  private int[] formatIndexes(List<String> formats) {
    if (formats.isEmpty()) {
      int[] all = new int[codes.formats().size()];
      Arrays.setAll(all, i -> i);
      return all;
    }
    return formats.stream().mapToInt(codes.formats()::indexOf).filter(i -> i >= 0).toArray();
  }

  /** The lowest stated fee among {@code formats} of the listing in {@code slot}, or NO_FEE. */
  private int lowestFee(int slot, int[] formats) {
    int row = slot * formatCount;
    int lowest = IndexedListing.NO_FEE;
    for (int i = 0; i < formats.length; i++) {
      lowest = Math.min(lowest, fees[row + formats[i]]);
    }
    return lowest;
  }

  /** Query words of one character, which the bigram index cannot narrow down. */
  private static char[] singleCharacters(SearchQuery q) {
    StringBuilder singles = new StringBuilder();
    for (String word : q.words()) {
      if (word.length() == 1) {
        singles.append(word.charAt(0));
      }
    }
    return singles.toString().toCharArray();
  }

  /** The sort key before the rotation: fewer unmatched requested values, or the explicit sort. */
  private long primary(SearchQuery q, int slot, int[] formats, Slots[] requested) {
    return switch (q.sort()) {
      case FEE -> lowestFee(slot, formats);
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

  /** The listings of each requested theme, industry and qualification, looked up once. */
  private Slots[] requested(SearchQuery q) {
    List<Slots> requested = new ArrayList<>();
    q.themes().forEach(theme -> requested.add(themes.of(theme)));
    q.industries().forEach(industry -> requested.add(industries.of(industry)));
    q.qualifications().forEach(qualification -> requested.add(qualifications.of(qualification)));
    return requested.toArray(Slots[]::new);
  }

  private Serialized<Facets> countFacets(SearchQuery.Filters filters, Slots matched) {
    Serialized<Facets> facets = new Serialized<>(facets(matched));
    if (facetCache.size() >= FACET_CACHE_ENTRIES) {
      facetCache.clear();
    }
    facetCache.put(filters, new CountedFacets(changes, facets));
    return facets;
  }

  private Facets facets(Slots result) {
    return new Facets(
        themes.counts(codes.themes(), result),
        prefectures.counts(codes.prefectures(), result),
        industries.counts(codes.industries(), result),
        formats.counts(codes.formats(), result));
  }
}
