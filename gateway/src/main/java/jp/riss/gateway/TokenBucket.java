package jp.riss.gateway;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One client's allowance: up to {@code burst} requests at once, refilled at a steady rate.
 *
 * <p>The token count is not stored as such but as the single instant at which the bucket will be
 * full again ({@code fullAt}; the generic cell rate algorithm). Tokens left = burst minus the time
 * still to wait for "full" divided by one request's interval. One long means one compare-and-set
 * per request: event-loop threads never block each other, not even on the same client.
 */
public final class TokenBucket {

  /** A bucket dropped by the sweep; whoever still holds it must look the client up again. */
  private static final long RETIRED = Long.MIN_VALUE;

  private static final VarHandle FULL_AT;

  static {
    try {
      FULL_AT = MethodHandles.lookup().findVarHandle(TokenBucket.class, "fullAt", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The outcome of one request, with what the RateLimit headers and Retry-After report. */
  public record Decision(
      boolean allowed, int limit, int remaining, long resetNanos, long retryAfterNanos) {

    /** Whole seconds until the bucket is full again (0 when it already is). */
    public long resetSeconds() {
      return ceilSeconds(resetNanos);
    }

    /** Whole seconds until one more request would be allowed; at least 1 (Retry-After: 0 = now). */
    public long retryAfterSeconds() {
      return Math.max(1, ceilSeconds(retryAfterNanos));
    }

    private static long ceilSeconds(long nanos) {
      return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
  }

  private final RateLimitPolicy policy;
  private final long interval;
  private final long capacity;

  @SuppressWarnings("unused") // accessed through FULL_AT
  private volatile long fullAt;

  /** A full bucket: a client seen for the first time may use the whole burst. */
  public TokenBucket(RateLimitPolicy policy, long now) {
    this.policy = policy;
    this.interval = policy.intervalNanos();
    this.capacity = policy.capacityNanos();
    this.fullAt = now;
  }

  public RateLimitPolicy policy() {
    return policy;
  }

  /**
   * Takes one token if there is one. Returns {@code null} if the bucket was retired by a sweep
   * meanwhile; the caller then asks its limiter for the client's current bucket.
   */
  public Decision tryAcquire(long now) {
    while (true) {
      long current = (long) FULL_AT.getVolatile(this);
      if (current == RETIRED) {
        return null;
      }
      // Differences, never comparisons of raw values: nanoTime may wrap around.
      long debt = Math.max(0, current - now);
      long newDebt = debt + interval;
      if (newDebt > capacity) {
        return new Decision(false, policy.burst(), 0, debt, newDebt - capacity);
      }
      if (FULL_AT.compareAndSet(this, current, now + newDebt)) {
        return new Decision(true, policy.burst(), tokensLeft(newDebt), newDebt, 0);
      }
    }
  }

  /** What is left now, without taking a token; {@code null} if the bucket was retired. */
  public Decision peek(long now) {
    long current = (long) FULL_AT.getVolatile(this);
    if (current == RETIRED) {
      return null;
    }
    long debt = Math.max(0, current - now);
    long next = debt + interval;
    return next > capacity
        ? new Decision(false, policy.burst(), 0, debt, next - capacity)
        : new Decision(true, policy.burst(), tokensLeft(debt), debt, 0);
  }

  /**
   * Retires the bucket if it has filled up again. A full bucket is exactly what a new client gets,
   * so forgetting it loses nothing; once retired it can never count a request again, so a request
   * racing with the sweep is counted in the client's next bucket instead of being lost.
   */
  public boolean retireIfFull(long now) {
    long current = (long) FULL_AT.getVolatile(this);
    return current != RETIRED
        && current - now <= 0
        && FULL_AT.compareAndSet(this, current, RETIRED);
  }

  private int tokensLeft(long debt) {
    // Floor: a token only counts once it is whole.
    return (int) ((capacity - debt) / interval);
  }
}
