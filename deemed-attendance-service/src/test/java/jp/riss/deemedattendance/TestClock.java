package jp.riss.deemedattendance;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.platform.time.MovableClock;

/**
 * The service's clock in its tests: real Japan time unless a test moves it (and resets it after),
 * the same instance for the application and the tests, so "today" agrees on both sides.
 */
@Singleton
public class TestClock {

  public static final MovableClock CLOCK = new MovableClock(RenewalCalendar.ZONE);

  @Produces
  @Singleton
  MovableClock clock() {
    return CLOCK;
  }
}
