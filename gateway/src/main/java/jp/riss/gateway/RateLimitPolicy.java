package jp.riss.gateway;

/**
 * How many requests one client may send at once ({@code burst}) and how fast that allowance comes
 * back ({@code requestsPerSecond}); {@code who} names the clients it applies to in 429 details.
 */
public record RateLimitPolicy(String who, double requestsPerSecond, int burst) {

  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  public RateLimitPolicy {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException(
          "requests-per-second for " + who + " must be positive: " + requestsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst for " + who + " must be at least 1: " + burst);
    }
    // Fail at start-up rather than overflow later: the bucket does arithmetic on nanoTime
    // differences up to twice its capacity, which must stay far from Long.MAX_VALUE.
    long capacity = Math.multiplyExact(intervalNanos(requestsPerSecond), (long) burst);
    if (capacity > Long.MAX_VALUE / 4) {
      throw new IllegalArgumentException(
          who + " would take centuries to refill: " + requestsPerSecond + " rps, burst " + burst);
    }
  }

  /** Time for one request's worth of allowance to come back. */
  public long intervalNanos() {
    return intervalNanos(requestsPerSecond);
  }

  /** Time for an empty bucket to fill up completely. */
  public long capacityNanos() {
    return intervalNanos() * burst;
  }

  /** For the problem detail, e.g. "anonymous clients: 40 requests at once, then 20 per second". */
  public String describe() {
    return who + ": " + burst + " requests at once, then " + rate() + " per second";
  }

  private String rate() {
    return requestsPerSecond == Math.rint(requestsPerSecond)
        ? Long.toString((long) requestsPerSecond)
        : Double.toString(requestsPerSecond);
  }

  private static long intervalNanos(double requestsPerSecond) {
    return Math.max(1L, Math.round(NANOS_PER_SECOND / requestsPerSecond));
  }
}
