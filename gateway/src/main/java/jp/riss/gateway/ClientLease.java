package jp.riss.gateway;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * One client's leases on this replica and what the replica last learnt of its shared bucket.
 * Guarded by its own lock (held for a few arithmetic operations, never across a store call).
 */
final class ClientLease {

  final RateLimitPolicy policy;
  final long interval;
  final long capacity;

  /** Leased tokens as {tokens, expiresAt}, oldest first (at most three: see runningLow). */
  private final ArrayDeque<long[]> lots = new ArrayDeque<>(3);

  /** When the shared bucket is full again, as of the last lease (this replica's clock). */
  long sharedFullAt;

  /** Until when the shared bucket was found empty: requests are refused without asking. */
  long deniedUntil;

  CompletableFuture<Void> pending;
  boolean retired;

  ClientLease(RateLimitPolicy policy) {
    this.policy = policy;
    this.interval = policy.intervalNanos();
    this.capacity = policy.capacityNanos();
  }

  boolean hasTokens(long now) {
    dropExpired(now);
    return !lots.isEmpty();
  }

  /** Takes a leased token; null when none is left. */
  TokenBucket.Decision take(long now) {
    dropExpired(now);
    long[] lot = lots.peekFirst();
    if (lot == null) {
      return null;
    }
    if (--lot[0] == 0) {
      lots.removeFirst();
    }
    return new TokenBucket.Decision(true, policy.burst(), remainingTokens(now), sharedDebt(now), 0);
  }

  /** Leased tokens not yet used or dropped. */
  int held(long now) {
    return (int) leased(now);
  }

  /** Low enough to renew: half a lease left, and the shared bucket likely has a token. */
  boolean runningLow(long now, int leaseSize) {
    return leased(now) * 2 <= leaseSize && sharedTokens(now) > 0;
  }

  void granted(SharedRateLimiter.Grant grant, long sentAt, long expiresAt, long receivedAt) {
    sharedFullAt = receivedAt + grant.debtNanos();
    if (grant.granted() > 0) {
      lots.addLast(new long[] {grant.granted(), expiresAt});
      deniedUntil = receivedAt;
    } else {
      // Empty: one more token comes back when the debt has fallen to capacity - interval.
      deniedUntil = receivedAt + Math.max(0, grant.debtNanos() + interval - capacity);
    }
  }

  TokenBucket.Decision denied(long now) {
    return new TokenBucket.Decision(
        false, policy.burst(), 0, sharedDebt(now), Math.max(0, deniedUntil - now));
  }

  TokenBucket.Decision remaining(long now) {
    dropExpired(now);
    return new TokenBucket.Decision(true, policy.burst(), remainingTokens(now), sharedDebt(now), 0);
  }

  boolean idle(long now) {
    dropExpired(now);
    return lots.isEmpty() && pending == null && deniedUntil - now <= 0 && sharedFullAt - now <= 0;
  }

  /** What the client has left as this replica knows it: its leased tokens plus the shared ones. */
  private int remainingTokens(long now) {
    return (int) Math.min(policy.burst(), leased(now) + sharedTokens(now));
  }

  private long sharedDebt(long now) {
    return Math.max(0, sharedFullAt - now);
  }

  private long sharedTokens(long now) {
    return (capacity - sharedDebt(now)) / interval;
  }

  private long leased(long now) {
    long tokens = 0;
    for (long[] lot : lots) {
      if (lot[1] - now > 0) {
        tokens += lot[0];
      }
    }
    return tokens;
  }

  private void dropExpired(long now) {
    while (!lots.isEmpty() && lots.peekFirst()[1] - now <= 0) {
      lots.removeFirst();
    }
  }
}
