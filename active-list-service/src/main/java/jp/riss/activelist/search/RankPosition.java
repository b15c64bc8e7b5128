package jp.riss.activelist.search;

import java.util.Comparator;
import java.util.UUID;

/**
 * Where a listing stands in one search session's order, and what a cursor carries: the session's
 * seed and exposure epoch (so the next page is ranked exactly as the first was), how many results
 * came before, and the sort keys of the last result shown.
 *
 * <p>Order: available before saturated ({@code tier}), then {@code primary} ascending (fewer
 * unmatched filter values, or the explicit sort's value), then the rotation {@code key} descending,
 * then the id.
 */
record RankPosition(
    long seed, long epoch, int offset, int tier, long primary, double key, UUID id) {

  /** Written out rather than composed: a composed comparator boxes every key it compares. */
  static final Comparator<RankPosition> ORDER =
      (a, b) -> {
        if (a.tier != b.tier) {
          return Integer.compare(a.tier, b.tier);
        }
        if (a.primary != b.primary) {
          return Long.compare(a.primary, b.primary);
        }
        int byKey = Double.compare(b.key, a.key);
        return byKey != 0 ? byKey : a.id.compareTo(b.id);
      };

  boolean isAfter(RankPosition other) {
    return ORDER.compare(this, other) > 0;
  }
}
