package jp.riss.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand, so refill and expiry are tested without waiting. */
final class FakeClock implements NanoClock {

  private final AtomicLong now;

  FakeClock(long start) {
    this.now = new AtomicLong(start);
  }

  FakeClock() {
    this(1_000_000_000L);
  }

  @Override
  public long nanoTime() {
    return now.get();
  }

  void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }
}
