package jp.riss.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Real time plus an offset that can be moved, so that expiry, staleness and due dates can be seen
 * happen without waiting. Module tests produce one in place of the platform's clock; a running
 * service gets one from {@link PlatformClock} only when {@code riss.clock.movable=true} (the local
 * stack), where {@link ClockControl} moves it over the management interface. Whoever moves it must
 * {@link #reset()} it afterwards: the application, and whatever else runs against it, share the one
 * clock.
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

  /** How far this clock is ahead of real time (negative when behind). */
  public Duration offset() {
    return offset;
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
