package jp.riss.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps one {@link TokenBucket} per client, in bounded memory.
 *
 * <p>Idle clients are forgotten by {@link #sweep()}: a bucket that has filled up again is the same
 * as a new one, so dropping it changes nobody's allowance. At most {@code maxClients} clients get
 * their own bucket; while that many are active, requests from further clients share one overflow
 * bucket per policy. That keeps them limited (a flood from many addresses still cannot starve the
 * services) while the clients already tracked keep their own allowance, and it ends as soon as a
 * sweep has made room.
 */
public final class RateLimiter {

  private final NanoClock clock;
  private final int maxClients;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  // One entry per policy (three at most), so it needs no eviction.
  private final Map<RateLimitPolicy, TokenBucket> overflow = new ConcurrentHashMap<>();
  private final LongAdder overflowed = new LongAdder();

  public RateLimiter(NanoClock clock, int maxClients) {
    if (maxClients < 1) {
      throw new IllegalArgumentException("max-clients must be at least 1: " + maxClients);
    }
    this.clock = clock;
    this.maxClients = maxClients;
  }

  /**
   * Counts one request of {@code client}. A client key must always come with the same policy;
   * callers keep that by prefixing keys with their kind (subject, address).
   */
  public TokenBucket.Decision acquire(String client, RateLimitPolicy policy) {
    long now = clock.nanoTime();
    while (true) {
      // get() is lock-free; only a client's first request goes through computeIfAbsent.
      TokenBucket bucket = buckets.get(client);
      if (bucket == null) {
        // size() may be passed by the few threads adding at the same moment; that is harmless.
        if (buckets.size() >= maxClients) {
          overflowed.increment();
          return overflow.computeIfAbsent(policy, p -> new TokenBucket(p, now)).tryAcquire(now);
        }
        bucket = buckets.computeIfAbsent(client, k -> new TokenBucket(policy, now));
      }
      TokenBucket.Decision decision = bucket.tryAcquire(now);
      if (decision != null) {
        return decision;
      }
      // Retired by a concurrent sweep: drop it (if the sweep has not yet) and start afresh.
      buckets.remove(client, bucket);
    }
  }

  /** What {@code client} has left under {@code policy}, without counting a request. */
  public TokenBucket.Decision peek(String client, RateLimitPolicy policy) {
    long now = clock.nanoTime();
    TokenBucket bucket = buckets.get(client);
    TokenBucket.Decision decision = bucket == null ? null : bucket.peek(now);
    return decision != null ? decision : new TokenBucket(policy, now).peek(now);
  }

  /** Forgets every client whose bucket has filled up again; returns how many it forgot. */
  public int sweep() {
    long now = clock.nanoTime();
    int forgotten = 0;
    for (Map.Entry<String, TokenBucket> entry : buckets.entrySet()) {
      if (entry.getValue().retireIfFull(now)) {
        buckets.remove(entry.getKey(), entry.getValue());
        forgotten++;
      }
    }
    return forgotten;
  }

  public int trackedClients() {
    return buckets.size();
  }

  public int maxClients() {
    return maxClients;
  }

  /** Requests counted in an overflow bucket since the last call, for a warning in the log. */
  public long takeOverflowed() {
    return overflowed.sumThenReset();
  }
}
