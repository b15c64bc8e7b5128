package jp.riss.activelist.webhook;

import java.time.Duration;

/**
 * The delay before retrying a delivery: base, doubling per failed attempt, capped, each spread by
 * ±20% so endpoints that failed together are not all retried in the same instant.
 */
record Backoff(Duration base, Duration cap) {

  /**
   * @param failedAttempts attempts made so far (1 after the first failure)
   * @param random uniformly in [0, 1)
   */
  Duration after(int failedAttempts, double random) {
    long capMs = Math.max(1, cap.toMillis());
    long delay = Math.max(1, base.toMillis());
    for (int i = 1; i < failedAttempts && delay < capMs; i++) {
      delay *= 2;
    }
    delay = Math.min(delay, capMs);
    double jitter = 0.8 + 0.4 * random;
    return Duration.ofMillis(Math.max(1, Math.min(capMs, Math.round(delay * jitter))));
  }
}
