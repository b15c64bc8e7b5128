package jp.riss.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A service's clock in tests: real time plus an offset a test may move, so that expiry, staleness
 * and due dates are tested without waiting. A test that moves it must {@link #reset()} it (in a
 * {@code finally} or {@code @AfterEach}), because the application under test is shared by the test
 * classes that run after it. Not a bean by itself: a service's tests produce one, which then
 * replaces the platform's default clock.
 */
public class MovableClock extends Clock {

  private final Clock real;
  private volatile Duration offset = Duration.ZERO;

  public MovableClock(ZoneId zone) {
    this.real = Clock.system(zone);
  }

  public void advance(Duration by) {
    offset = offset.plus(by);
  }

  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public ZoneId getZone() {
    return real.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset);
  }

  @Override
  public Instant instant() {
    return real.instant().plus(offset);
  }
}
