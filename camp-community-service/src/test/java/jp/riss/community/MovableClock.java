package jp.riss.community;

import jakarta.inject.Singleton;
import jp.riss.community.support.CommunityClock;

/**
 * The service's clock in tests: the platform's movable clock (real time plus an offset a test may
 * move, and must move back) in Japan time, so that expiry and birthdays are tested without
 * waiting. A bean, so it replaces the service's default clock.
 */
@Singleton
public class MovableClock extends jp.riss.platform.time.MovableClock {

  public MovableClock() {
    super(CommunityClock.JAPAN);
  }
}
