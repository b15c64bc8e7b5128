package jp.riss.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock services read "now" and "today" from, so that whatever time decides (expiry,
 * staleness, due dates) is injectable and a test can move it. Japan time, since the days the
 * services count (renewal dates, statistics days, reminders) are Japanese calendar days.
 *
 * <p>A default bean of the lowest priority: a service's own {@code Clock} bean, default or not, and
 * a test's movable clock replace it without any ambiguity.
 *
 * <p>With {@code riss.clock.movable=true} (the local stack only; off unless set) the clock is a
 * {@link MovableClock} that {@link ClockControl} moves over the management interface, so end-to-end
 * tests can let a year pass without any time parameter in the public API.
 */
@Singleton
public class PlatformClock {

  public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  @ConfigProperty(name = ClockControl.FLAG, defaultValue = "false")
  boolean movable;

  @Produces
  @DefaultBean
  @Priority(-1)
  @Singleton
  Clock clock() {
    return movable ? new MovableClock(JAPAN) : Clock.system(JAPAN);
  }
}
