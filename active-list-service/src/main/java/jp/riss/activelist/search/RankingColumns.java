package jp.riss.activelist.search;

import java.util.Arrays;
import java.util.List;

/**
 * What ranking reads of every candidate, by slot in flat arrays: a search may rank all listings,
 * and walking arrays in order is many times faster than visiting 50,000 scattered objects. Not
 * thread-safe: {@link SearchIndex} holds its lock, and reads the arrays directly in its hot loop.
 */
final class RankingColumns {

  private final SearchCodes codes;
  private final ExposureBalancer balancer;

  /**
   * Per slot and consultation format (in the order of {@link SearchCodes#formats()}): the stated
   * fee, or {@link IndexedListing#NO_FEE} when the format is not offered or has no fee stated.
   */
  private final int formatCount;

  int[] tiers;
  long[] salts;
  double[] weightsCurrent;
  double[] weightsPrevious;
  private int[] fees;

  /** An upper bound of every weight above: what lets ranking skip hopeless candidates. */
  double maxWeight = Double.MIN_VALUE;

  RankingColumns(SearchCodes codes, ExposureBalancer balancer, int capacity) {
    this.codes = codes;
    this.balancer = balancer;
    this.formatCount = Math.max(1, codes.formats().size());
    tiers = new int[capacity];
    salts = new long[capacity];
    weightsCurrent = new double[capacity];
    weightsPrevious = new double[capacity];
    fees = new int[capacity * formatCount];
  }

  void grow(int length) {
    tiers = Arrays.copyOf(tiers, length);
    salts = Arrays.copyOf(salts, length);
    weightsCurrent = Arrays.copyOf(weightsCurrent, length);
    weightsPrevious = Arrays.copyOf(weightsPrevious, length);
    fees = Arrays.copyOf(fees, length * formatCount);
  }

  void set(int slot, IndexedListing listing) {
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

  boolean saturated(int slot) {
    return tiers[slot] == ExposureBalancer.SATURATED;
  }

  /** The positions of {@code formats} in the fee table; every format when none is asked for. */
  int[] formatIndexes(List<String> formats) {
    if (formats.isEmpty()) {
      int[] all = new int[codes.formats().size()];
      Arrays.setAll(all, i -> i);
      return all;
    }
    return formats.stream().mapToInt(codes.formats()::indexOf).filter(i -> i >= 0).toArray();
  }

  /** The lowest stated fee among {@code formats} of the listing in {@code slot}, or NO_FEE. */
  int lowestFee(int slot, int[] formats) {
    int row = slot * formatCount;
    int lowest = IndexedListing.NO_FEE;
    for (int i = 0; i < formats.length; i++) {
      lowest = Math.min(lowest, fees[row + formats[i]]);
    }
    return lowest;
  }
}
