package jp.riss.platform.stats;

import java.util.Arrays;

/**
 * The Gini coefficient of a distribution: 0 when everyone has the same, near 1 when one has all.
 * The one measure of how evenly exposure is shared, wherever the platform ranks specialists (the
 * Active List's search, the guide's recommendations).
 */
public final class Gini {

  private Gini() {}

  public static double of(long[] values) {
    if (values.length == 0) {
      return 0;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    double total = 0;
    double weighted = 0;
    for (int i = 0; i < sorted.length; i++) {
      total += sorted[i];
      weighted += (i + 1) * (double) sorted[i];
    }
    if (total == 0) {
      return 0;
    }
    int n = sorted.length;
    return (2 * weighted) / (n * total) - (n + 1.0) / n;
  }
}
