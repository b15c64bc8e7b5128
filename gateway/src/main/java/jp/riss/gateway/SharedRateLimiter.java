package jp.riss.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * Rate limits that hold across gateway replicas: each client's bucket lives once, in a shared
 * {@link Store}, and each replica leases a few tokens of it at a time and serves requests from the
 * lease in memory. A request therefore costs no store round trip unless its client has no lease on
 * this replica (its first request after a quiet spell); a busy client's lease is renewed in the
 * background before it runs out.
 *
 * <p>The bound, in tokens: a replica asks for the next lease only when at most half a lease is left
 * (and none is on its way), so it never holds more than a lease and a half of a client's tokens
 * ({@link #held}), counting those on their way. Tokens are debited from the shared bucket when
 * leased; the only ones a window can see beyond what the bucket allows in it are those the replicas
 * held at the window's start. So in any window the replicas together let a client through at most
 * what its bucket allows plus a lease and a half per replica; and since a leased token not used
 * within {@code leaseTtl} is dropped, never more than {@code leaseTtl × requests-per-second} beyond
 * it either. In the long run exactly the configured rate. The lifetime is long (seconds) so that a
 * client at a few requests a second uses a whole lease before it lapses: one store round trip per
 * lease, not per two requests. The other way round, tokens one replica holds are not usable on
 * another: a client that leaves a replica may be refused up to a lease and a half early, once.
 *
 * <p>Fails open: while the store cannot be reached, requests are counted in this replica's own
 * {@link RateLimiter} (the limits as configured, per replica), once per outage a warning is logged,
 * and {@link #storeUp()} says so (the gateway's metric); {@link #check()} retries the store and the
 * shared buckets apply again as soon as it answers.
 */
public final class SharedRateLimiter {

  private static final Logger LOG = Logger.getLogger(SharedRateLimiter.class);

  /** The shared buckets; blocking, so called through the executor only. */
  public interface Store {
    /** Leases up to {@code want} tokens of {@code client}'s bucket. */
    Grant lease(String client, int want, RateLimitPolicy policy) throws Exception;

    /** Returns normally when the store can be used. */
    void check() throws Exception;

    /** Told once when an outage starts: drop whatever it holds open (it may be dead). */
    default void outage() {}
  }

  /** What a lease got: tokens (0 when the bucket is empty) and the bucket's debt afterwards. */
  public record Grant(int granted, long debtNanos) {}

  private enum State {
    STARTING,
    UP,
    DOWN
  }

  private final NanoClock clock;
  private final Store store;
  private final Executor blocking;
  private final RateLimiter local;
  private final long leaseTtl;
  private final double leaseFraction;
  private final Duration leaseWait;
  private final int maxClients;
  private final ConcurrentHashMap<String, ClientLease> leases = new ConcurrentHashMap<>();
  private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
  private final LongAdder leaseRequests = new LongAdder();

  /**
   * @param local the per-replica buckets used while the store is down, and for clients beyond
   *     {@code maxClients}
   * @param blocking runs store calls (worker threads)
   */
  public SharedRateLimiter(
      NanoClock clock,
      Store store,
      Executor blocking,
      RateLimiter local,
      Duration leaseTtl,
      double leaseFraction,
      Duration leaseWait) {
    if (leaseTtl.isNegative() || leaseTtl.isZero()) {
      throw new IllegalArgumentException("lease-ttl must be positive: " + leaseTtl);
    }
    if (!(leaseFraction > 0 && leaseFraction <= 1)) {
      throw new IllegalArgumentException("lease-fraction must be in (0, 1]: " + leaseFraction);
    }
    this.clock = clock;
    this.store = store;
    this.blocking = blocking;
    this.local = local;
    this.leaseTtl = leaseTtl.toNanos();
    this.leaseFraction = leaseFraction;
    this.leaseWait = leaseWait;
    this.maxClients = local.maxClients();
  }

  /** Tokens one lease asks for under {@code policy}: a share of the burst, at least one. */
  int leaseSize(RateLimitPolicy policy) {
    return Math.max(1, (int) Math.floor(policy.burst() * leaseFraction));
  }

  /**
   * Counts one request of {@code client}. Completes at once when the client's lease on this replica
   * decides it, else when a lease arrives (at most {@code leaseWait} later: past it, or if the
   * store fails, the request is counted locally). Never completes exceptionally.
   */
  public CompletableFuture<TokenBucket.Decision> acquire(String client, RateLimitPolicy policy) {
    if (state.get() != State.UP) {
      return CompletableFuture.completedFuture(local.acquire(client, policy));
    }
    long now = clock.nanoTime();
    ClientLease lease = leases.get(client);
    if (lease == null) {
      if (leases.size() >= maxClients) {
        return CompletableFuture.completedFuture(local.acquire(client, policy));
      }
      lease = leases.computeIfAbsent(client, k -> new ClientLease(policy));
    }
    CompletableFuture<Void> arriving;
    synchronized (lease) {
      if (lease.retired) {
        return acquire(client, policy);
      }
      TokenBucket.Decision decision = lease.take(now);
      if (decision != null) {
        if (lease.runningLow(now, leaseSize(policy)) && lease.pending == null) {
          request(client, lease, now);
        }
        return CompletableFuture.completedFuture(decision);
      }
      if (lease.deniedUntil - now > 0) {
        return CompletableFuture.completedFuture(lease.denied(now));
      }
      arriving = lease.pending != null ? lease.pending : request(client, lease, now);
    }
    return waitFor(arriving, client, policy);
  }

  /**
   * The request's decision once a lease has arrived, or from the local bucket if the store failed
   * or took longer than {@code leaseWait}: whichever comes first decides, exactly once.
   */
  private CompletableFuture<TokenBucket.Decision> waitFor(
      CompletableFuture<Void> arriving, String client, RateLimitPolicy policy) {
    CompletableFuture<TokenBucket.Decision> result = new CompletableFuture<>();
    AtomicBoolean decided = new AtomicBoolean();
    Runnable locally =
        () -> {
          if (decided.compareAndSet(false, true)) {
            result.complete(local.acquire(client, policy));
          }
        };
    arriving.whenComplete(
        (v, failure) -> {
          if (failure != null) {
            locally.run();
          } else if (!decided.get()) {
            afterLease(client, policy, decided)
                .whenComplete(
                    (decision, f) -> {
                      if (decision == null) {
                        locally.run(); // the store went down meanwhile
                      } else {
                        result.complete(decision);
                      }
                    });
          }
        });
    CompletableFuture.delayedExecutor(leaseWait.toNanos(), TimeUnit.NANOSECONDS).execute(locally);
    return result;
  }

  /** A lease arrived for a waiting request: decide it from the lease, or wait for another. */
  private CompletableFuture<TokenBucket.Decision> afterLease(
      String client, RateLimitPolicy policy, AtomicBoolean decided) {
    ClientLease lease = leases.get(client);
    if (lease == null || state.get() != State.UP) {
      return CompletableFuture.completedFuture(null);
    }
    long now = clock.nanoTime();
    synchronized (lease) {
      // Claimed under the lease's lock, so a request the timeout already decided takes no token.
      if (lease.hasTokens(now) && decided.compareAndSet(false, true)) {
        return CompletableFuture.completedFuture(lease.take(now));
      }
      if (lease.deniedUntil - now > 0 && decided.compareAndSet(false, true)) {
        return CompletableFuture.completedFuture(lease.denied(now));
      }
      if (decided.get()) {
        return new CompletableFuture<>(); // decided by the timeout; nothing more to do
      }
    }
    // Others waiting on the same lease used it up: this request asks again, from now on with a
    // wait of its own (bounded the same way).
    if (!decided.compareAndSet(false, true)) {
      return new CompletableFuture<>();
    }
    return acquire(client, policy);
  }

  /** Starts a lease request; the caller holds the lease's lock. */
  private CompletableFuture<Void> request(String client, ClientLease lease, long sentAt) {
    CompletableFuture<Void> pending = new CompletableFuture<>();
    lease.pending = pending;
    int want = leaseSize(lease.policy);
    leaseRequests.increment();
    try {
      blocking.execute(() -> fetch(client, lease, want, sentAt, pending));
    } catch (RuntimeException rejected) {
      lease.pending = null;
      pending.completeExceptionally(rejected);
    }
    return pending;
  }

  private void fetch(
      String client, ClientLease lease, int want, long sentAt, CompletableFuture<Void> pending) {
    Grant grant;
    try {
      grant = store.lease(client, want, lease.policy);
    } catch (Exception e) {
      synchronized (lease) {
        lease.pending = null;
      }
      down(e);
      pending.completeExceptionally(e);
      return;
    }
    up();
    synchronized (lease) {
      lease.granted(grant, sentAt, sentAt + leaseTtl, clock.nanoTime());
      lease.pending = null;
    }
    pending.complete(null);
  }

  /** What {@code client} has left, without counting a request (the headers of other routes). */
  public TokenBucket.Decision peek(String client, RateLimitPolicy policy) {
    ClientLease lease = state.get() == State.UP ? leases.get(client) : null;
    if (lease == null) {
      return local.peek(client, policy);
    }
    long now = clock.nanoTime();
    synchronized (lease) {
      return lease.deniedUntil - now > 0 ? lease.denied(now) : lease.remaining(now);
    }
  }

  /**
   * Tries the store (blocking: on a worker) unless it is known to be up; the shared buckets apply
   * again once it answers. Called at start-up and periodically.
   */
  public void check() {
    if (state.get() == State.UP) {
      return;
    }
    try {
      store.check();
    } catch (Exception e) {
      down(e);
      return;
    }
    up();
  }

  public boolean storeUp() {
    return state.get() == State.UP;
  }

  /** Lease requests sent to the store so far (each one round trip). */
  public long leaseRequests() {
    return leaseRequests.sum();
  }

  /** Forgets leases that hold nothing and whose shared bucket is full again; returns how many. */
  public int sweep() {
    long now = clock.nanoTime();
    int forgotten = 0;
    for (Map.Entry<String, ClientLease> entry : leases.entrySet()) {
      ClientLease lease = entry.getValue();
      synchronized (lease) {
        if (lease.idle(now)) {
          lease.retired = true;
          leases.remove(entry.getKey(), lease);
          forgotten++;
        }
      }
    }
    return forgotten + local.sweep();
  }

  /** Leased tokens of {@code client} this replica holds unused (the bound's "held" tokens). */
  int held(String client) {
    ClientLease lease = leases.get(client);
    if (lease == null) {
      return 0;
    }
    synchronized (lease) {
      return lease.held(clock.nanoTime());
    }
  }

  /** Whether a lease for {@code client} is on its way from the store. */
  boolean leasing(String client) {
    ClientLease lease = leases.get(client);
    if (lease == null) {
      return false;
    }
    synchronized (lease) {
      return lease.pending != null;
    }
  }

  public int trackedClients() {
    return leases.size() + local.trackedClients();
  }

  public int maxClients() {
    return maxClients;
  }

  public long takeOverflowed() {
    return local.takeOverflowed();
  }

  private void up() {
    State before = state.getAndSet(State.UP);
    if (before == State.DOWN) {
      LOG.info("rate-limit store reachable again: limits are shared by the replicas again");
    } else if (before == State.STARTING) {
      LOG.debug("rate-limit store reachable: limits are shared by the replicas");
    }
  }

  private void down(Exception cause) {
    State before = state.getAndSet(State.DOWN);
    if (before != State.DOWN) {
      // Once per outage. What the replica leased is dropped: it will not be renewed, and the
      // local buckets count from now on.
      leases.clear();
      store.outage();
      LOG.warnf(
          "rate-limit store unreachable (%s): each replica limits on its own until it is back",
          cause.toString());
    }
  }
}
