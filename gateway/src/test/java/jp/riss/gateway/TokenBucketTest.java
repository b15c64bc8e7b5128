package jp.riss.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bucket's arithmetic, against a clock moved by hand. */
class TokenBucketTest {

  private static final RateLimitPolicy ONE_PER_SECOND_BURST_3 =
      new RateLimitPolicy("test clients", 1, 3);

  private final FakeClock clock = new FakeClock();

  @Test
  void aNewClientMayUseTheWholeBurstAndNoMore() {
    TokenBucket bucket = new TokenBucket(ONE_PER_SECOND_BURST_3, clock.nanoTime());

    for (int remaining = 2; remaining >= 0; remaining--) {
      TokenBucket.Decision decision = bucket.tryAcquire(clock.nanoTime());
      assertTrue(decision.allowed());
      assertEquals(3, decision.limit());
      assertEquals(remaining, decision.remaining());
    }
    TokenBucket.Decision refused = bucket.tryAcquire(clock.nanoTime());
    assertFalse(refused.allowed());
    assertEquals(0, refused.remaining());
    assertEquals(3, refused.limit());
  }

  @Test
  void tokensComeBackAtTheConfiguredRate() {
    TokenBucket bucket = drained(new RateLimitPolicy("test clients", 4, 2));

    clock.advance(Duration.ofMillis(249));
    assertFalse(bucket.tryAcquire(clock.nanoTime()).allowed(), "a quarter second is not over");
    clock.advance(Duration.ofMillis(1));
    assertTrue(bucket.tryAcquire(clock.nanoTime()).allowed(), "one token per 250 ms");
    assertFalse(bucket.tryAcquire(clock.nanoTime()).allowed(), "and only one");

    clock.advance(Duration.ofMillis(500));
    assertTrue(bucket.tryAcquire(clock.nanoTime()).allowed());
    assertTrue(bucket.tryAcquire(clock.nanoTime()).allowed());
    assertFalse(bucket.tryAcquire(clock.nanoTime()).allowed());
  }

  @Test
  void aLongPauseRefillsNoMoreThanTheBurst() {
    TokenBucket bucket = drained(ONE_PER_SECOND_BURST_3);

    clock.advance(Duration.ofHours(1));

    assertEquals(2, bucket.tryAcquire(clock.nanoTime()).remaining());
  }

  @Test
  void retryAfterIsTheWaitForTheNextTokenInWholeSecondsRoundedUp() {
    TokenBucket bucket = drained(ONE_PER_SECOND_BURST_3);

    TokenBucket.Decision refused = bucket.tryAcquire(clock.nanoTime());
    assertEquals(Duration.ofSeconds(1).toNanos(), refused.retryAfterNanos());
    assertEquals(1, refused.retryAfterSeconds());

    clock.advance(Duration.ofMillis(400));
    refused = bucket.tryAcquire(clock.nanoTime());
    assertEquals(Duration.ofMillis(600).toNanos(), refused.retryAfterNanos());
    assertEquals(1, refused.retryAfterSeconds(), "never 0: that would mean retry at once");

    TokenBucket slow = drained(new RateLimitPolicy("slow clients", 0.4, 1));
    assertEquals(3, slow.tryAcquire(clock.nanoTime()).retryAfterSeconds(), "2.5 s rounds up");
  }

  @Test
  void resetIsTheTimeUntilTheBucketIsFullAgain() {
    TokenBucket bucket = new TokenBucket(new RateLimitPolicy("test clients", 2, 4), 0);

    TokenBucket.Decision first = bucket.tryAcquire(0);
    assertEquals(Duration.ofMillis(500).toNanos(), first.resetNanos());
    assertEquals(1, first.resetSeconds());

    bucket.tryAcquire(0);
    bucket.tryAcquire(0);
    TokenBucket.Decision last = bucket.tryAcquire(0);
    assertEquals(0, last.remaining());
    assertEquals(2, last.resetSeconds());

    TokenBucket.Decision refused = bucket.tryAcquire(Duration.ofMillis(100).toNanos());
    assertEquals(Duration.ofMillis(1_900).toNanos(), refused.resetNanos());
    assertEquals(2, refused.resetSeconds());
  }

  @Test
  void aRefusedRequestCostsNothing() {
    TokenBucket bucket = drained(ONE_PER_SECOND_BURST_3);
    for (int i = 0; i < 100; i++) {
      bucket.tryAcquire(clock.nanoTime());
    }

    clock.advance(Duration.ofSeconds(1));

    assertTrue(bucket.tryAcquire(clock.nanoTime()).allowed(), "hammering must not dig deeper");
  }

  @Test
  void theClockWrappingAroundChangesNothing() {
    // nanoTime may start anywhere, even just before overflow.
    FakeClock edge = new FakeClock(Long.MAX_VALUE - Duration.ofMillis(1_500).toNanos());
    TokenBucket bucket = new TokenBucket(ONE_PER_SECOND_BURST_3, edge.nanoTime());
    for (int i = 0; i < 3; i++) {
      assertTrue(bucket.tryAcquire(edge.nanoTime()).allowed());
    }
    assertFalse(bucket.tryAcquire(edge.nanoTime()).allowed());

    edge.advance(Duration.ofSeconds(2)); // past Long.MAX_VALUE

    assertEquals(1, bucket.tryAcquire(edge.nanoTime()).remaining(), "two tokens back, one used");
    assertTrue(bucket.tryAcquire(edge.nanoTime()).allowed());
    assertFalse(bucket.tryAcquire(edge.nanoTime()).allowed());
  }

  @Test
  void onlyAFullBucketCanBeRetiredAndARetiredOneCountsNothing() {
    TokenBucket bucket = new TokenBucket(ONE_PER_SECOND_BURST_3, clock.nanoTime());
    bucket.tryAcquire(clock.nanoTime());

    assertFalse(bucket.retireIfFull(clock.nanoTime()), "a token is still owed");
    clock.advance(Duration.ofSeconds(1));
    assertTrue(bucket.retireIfFull(clock.nanoTime()));

    assertNull(bucket.tryAcquire(clock.nanoTime()), "the holder must look the client up again");
    assertFalse(bucket.retireIfFull(clock.nanoTime()), "retired once only");
  }

  @Test
  void concurrentRequestsNeverGetMoreThanTheBurst() throws Exception {
    // The clock stands still, so exactly the burst may pass however the threads interleave.
    TokenBucket bucket = new TokenBucket(new RateLimitPolicy("test clients", 1, 1_000), 0);
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> allowed = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<Integer> hammer =
            () -> {
              start.await();
              int n = 0;
              for (int i = 0; i < 1_000; i++) {
                n += bucket.tryAcquire(0).allowed() ? 1 : 0;
              }
              return n;
            };
        allowed.add(pool.submit(hammer));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : allowed) {
        total += f.get(30, TimeUnit.SECONDS);
      }
      assertEquals(1_000, total);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void nonsenseLimitsAreRefusedAtStartUp() {
    assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy("x", 0, 10));
    assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy("x", -1, 10));
    assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy("x", Double.NaN, 10));
    assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy("x", 10, 0));
    assertThrows(RuntimeException.class, () -> new RateLimitPolicy("x", 1e-12, 1_000));
  }

  @Test
  void theDescriptionNamesTheLimit() {
    assertEquals(
        "anonymous clients: 40 requests at once, then 20 per second",
        new RateLimitPolicy("anonymous clients", 20, 40).describe());
    assertEquals(
        "slow clients: 3 requests at once, then 0.5 per second",
        new RateLimitPolicy("slow clients", 0.5, 3).describe());
  }

  private TokenBucket drained(RateLimitPolicy policy) {
    TokenBucket bucket = new TokenBucket(policy, clock.nanoTime());
    for (int i = 0; i < policy.burst(); i++) {
      assertTrue(bucket.tryAcquire(clock.nanoTime()).allowed());
    }
    assertFalse(bucket.tryAcquire(clock.nanoTime()).allowed());
    return bucket;
  }
}
