package jp.riss.deemedattendance.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import org.jboss.logging.Logger;

/**
 * Runs the reminders once a day in Japan. Any instance may run it: the (cycle, threshold) rows make
 * a second run of the same day send nothing. {@code riss.deemed-attendance.reminders.cron=off}
 * turns it off (tests drive the same logic through the admin endpoint with a chosen day).
 */
@ApplicationScoped
public class ReminderJob {

  @Inject Clock clock;

  private static final Logger LOG = Logger.getLogger(ReminderJob.class);

  @Inject Reminders reminders;

  @Scheduled(
      identity = "renewal-reminders",
      cron = "{riss.deemed-attendance.reminders.cron}",
      timeZone = "Asia/Tokyo",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void daily() {
    Reminders.Run run = reminders.run(RenewalCalendar.today(clock));
    LOG.infof("renewal reminders for %s: %d sent", run.today(), run.sent().size());
  }
}
