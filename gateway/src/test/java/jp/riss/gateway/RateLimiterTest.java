package jp.riss.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-client buckets in bounded memory, against a clock moved by hand. */
class RateLimiterTest {

  private static final RateLimitPolicy BURST_2 = new RateLimitPolicy("test clients", 1, 2);

  private final FakeClock clock = new FakeClock();

  @Test
  void eachClientHasItsOwnBucket() {
    RateLimiter limiter = new RateLimiter(clock, 100);
    drain(limiter, "a");

    assertTrue(limiter.acquire("b", BURST_2).allowed(), "b is not held back by a");
    assertFalse(limiter.acquire("a", BURST_2).allowed());
    assertEquals(2, limiter.trackedClients());
  }

  @Test
  void idleClientsAreForgottenOnceTheirBucketIsFull() {
    RateLimiter limiter = new RateLimiter(clock, 100);
    drain(limiter, "busy");
    limiter.acquire("idle", BURST_2);

    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, limiter.sweep(), "idle had one second to win back its one token");
    assertEquals(1, limiter.trackedClients(), "busy still owes a token");

    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, limiter.sweep());
    assertEquals(0, limiter.trackedClients());
  }

  @Test
  void forgettingAClientGrantsItNothingExtra() {
    RateLimiter limiter = new RateLimiter(clock, 100);
    drain(limiter, "a");

    assertEquals(0, limiter.sweep(), "an empty bucket is kept, or a sweep would refill it");
    assertFalse(limiter.acquire("a", BURST_2).allowed());
  }

  @Test
  void aClientSeenAgainAfterBeingForgottenStartsWithAFullBucket() {
    RateLimiter limiter = new RateLimiter(clock, 100);
    drain(limiter, "a");
    clock.advance(Duration.ofSeconds(2));
    limiter.sweep();

    TokenBucket.Decision decision = limiter.acquire("a", BURST_2);

    assertTrue(decision.allowed());
    assertEquals(1, decision.remaining());
    assertEquals(1, limiter.trackedClients());
  }

  @Test
  void atTheCapFurtherClientsShareOneBucketAndTrackedOnesKeepTheirs() {
    RateLimiter limiter = new RateLimiter(clock, 2);
    limiter.acquire("a", BURST_2);
    limiter.acquire("b", BURST_2);

    assertTrue(limiter.acquire("c", BURST_2).allowed());
    assertTrue(limiter.acquire("d", BURST_2).allowed());
    assertFalse(limiter.acquire("e", BURST_2).allowed(), "c, d and e share one burst of 2");
    assertEquals(2, limiter.trackedClients(), "memory stays at the cap");
    assertEquals(3, limiter.takeOverflowed());
    assertEquals(0, limiter.takeOverflowed(), "counted once");

    assertTrue(limiter.acquire("a", BURST_2).allowed(), "a keeps its own allowance");
  }

  @Test
  void aSweepMakesRoomForNewClientsAgain() {
    RateLimiter limiter = new RateLimiter(clock, 1);
    limiter.acquire("a", BURST_2);
    drain(limiter, "overflowing");

    clock.advance(Duration.ofSeconds(1));
    limiter.sweep();

    TokenBucket.Decision decision = limiter.acquire("b", BURST_2);
    assertTrue(decision.allowed());
    assertEquals(1, decision.remaining(), "a bucket of its own, not the overflow one");
    assertEquals(1, limiter.trackedClients());
  }

  @Test
  void policiesAtTheCapDoNotShareAnOverflowBucket() {
    RateLimiter limiter = new RateLimiter(clock, 1);
    RateLimitPolicy other = new RateLimitPolicy("other clients", 1, 5);
    limiter.acquire("a", BURST_2);
    drain(limiter, "b");

    TokenBucket.Decision decision = limiter.acquire("c", other);

    assertTrue(decision.allowed());
    assertEquals(5, decision.limit());
  }

  @Test
  void theCapMustAllowAClient() {
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter(clock, 0));
  }

  private static void drain(RateLimiter limiter, String client) {
    for (int i = 0; i < BURST_2.burst(); i++) {
      assertTrue(limiter.acquire(client, BURST_2).allowed());
    }
    assertFalse(limiter.acquire(client, BURST_2).allowed());
  }
}
