package jp.riss.community;

import jakarta.inject.Singleton;
import jp.riss.platform.time.PlatformClock;

/**
 * The service's clock in its tests: the platform's movable clock in Japan time, as the one bean
 * that replaces the platform's default clock, so that the application and the tests share it. A
 * test that moves it resets it afterwards.
 */
@Singleton
public class MovableClock extends jp.riss.platform.time.MovableClock {

  public MovableClock() {
    super(PlatformClock.JAPAN);
  }
}
