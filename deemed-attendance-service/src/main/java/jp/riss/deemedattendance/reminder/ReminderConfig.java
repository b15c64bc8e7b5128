package jp.riss.deemedattendance.reminder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** When specialists are reminded of what their renewal still needs. */
@ConfigMapping(prefix = "riss.deemed-attendance.reminders")
public interface ReminderConfig {

  /** Days before the renewal due date at which a reminder goes out, each at most once a cycle. */
  @WithDefault("120,90,75")
  List<Integer> thresholds();

  /**
   * With fewer days than this left, a new or amended application could not be reviewed in time: the
   * advice is to take the course instead.
   */
  @WithDefault("75")
  int takeCourseBelowDays();

  /** When the daily job runs (Quartz cron, Japan time); {@code off} disables it. */
  @WithDefault("0 0 9 * * ?")
  String cron();
}
