package jp.riss.activelist;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.riss.platform.time.MovableClock;
import jp.riss.platform.time.PlatformClock;

/**
 * The service's clock in its tests: real Japan time unless a test moves it (and resets it after),
 * the same instance for the application and the tests.
 */
@Singleton
public class TestClock {

  public static final MovableClock CLOCK = new MovableClock(PlatformClock.JAPAN);

  @Produces
  @Singleton
  MovableClock clock() {
    return CLOCK;
  }
}
