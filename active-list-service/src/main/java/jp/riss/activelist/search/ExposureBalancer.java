package jp.riss.activelist.search;

/**
 * The ranking rules that keep inquiries from piling up on the same specialists (seed lines 626,
 * 1062). Among equally matching listings the order is a weighted random rotation, drawn afresh for
 * each search session (Efraimidis–Spirakis: key = ln(u) / weight, highest first, so a listing's
 * chance of coming first is proportional to its weight). The weight is lowered by open inquiries
 * relative to the declared capacity and by recent top-position exposure, raised for listings that
 * were rarely shown. Specialists at capacity or not accepting go after all others. Nothing here
 * knows about payment, and nothing can buy a place.
 */
final class ExposureBalancer {

  static final int AVAILABLE = 0;
  static final int SATURATED = 1;

  /** The tunable weights; defaults in {@link SearchConfig.Ranking}. */
  record Settings(
      double minLoadFactor,
      double limitedFactor,
      double maxExposureBoost,
      double minExposureFactor) {
    static final Settings DEFAULTS = new Settings(0.05, 0.5, 2.0, 0.25);
  }

  private final Settings settings;

  ExposureBalancer(Settings settings) {
    this.settings = settings;
  }

  /** At capacity or not accepting: shown after everyone else (or not at all, accepting-only). */
  static int tier(IndexedListing listing) {
    return listing.saturated ? SATURATED : AVAILABLE;
  }

  /** Free capacity as a share of declared capacity, never quite zero. */
  double loadFactor(int openInquiries, int capacity, boolean limited) {
    double free = 1.0 - (double) openInquiries / Math.max(1, capacity);
    return Math.max(settings.minLoadFactor(), free) * (limited ? settings.limitedFactor() : 1.0);
  }

  /**
   * Damping by recent top-position impressions relative to the mean per listing: shown as often as
   * the mean → 1, never shown → the maximum boost, shown three times the mean → half.
   */
  double exposureFactor(long topImpressions, double meanTopImpressions) {
    if (meanTopImpressions <= 0) {
      return 1.0;
    }
    double ratio = topImpressions / meanTopImpressions;
    double factor = 2.0 / (1.0 + ratio);
    return Math.max(settings.minExposureFactor(), Math.min(settings.maxExposureBoost(), factor));
  }

  double weight(IndexedListing listing, boolean previousEpoch) {
    return loadFactor(listing.openInquiries, listing.capacity, listing.limited)
        * (previousEpoch ? listing.exposurePrevious : listing.exposureCurrent);
  }

  /** The rotation key of a listing's {@link #draw} in a session, at its weight: higher first. */
  static double key(long draw, double weight) {
    return Math.log(uniform(draw)) / weight;
  }

  /**
   * The listing's 53-bit random draw in the session {@code seed} (SplitMix64 finaliser: a seed and
   * a listing give one well-mixed value). A larger draw never gives a lower key at the same weight,
   * which lets a search skip the logarithm of draws too small to reach a page ({@link
   * #smallestDrawReaching}).
   */
  static long draw(long seed, long salt) {
    long z = seed + salt * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return z >>> 11;
  }

  private static double uniform(long draw) {
    return (draw + 0.5) / (1L << 53);
  }

  /**
   * A draw below this cannot give a key of at least {@code key} with any weight up to {@code
   * maxWeight}: key = ln(u) / w ≤ ln(u) / maxWeight. Rounded down (and the exponent widened) so
   * that floating-point error can only let a hopeless candidate through to the exact comparison,
   * never keep a good one out.
   */
  static long smallestDrawReaching(double key, double maxWeight) {
    double u = Math.exp(key * maxWeight * (1 + 1e-9));
    return Math.max(0, (long) Math.floor(u * (1L << 53)) - 2);
  }
}
