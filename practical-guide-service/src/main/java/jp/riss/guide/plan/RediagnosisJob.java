package jp.riss.guide.plan;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Runs the re-diagnosis proposals once a day in Japan; the per-diagnosis rows make a second run
 * send nothing. {@code riss.guide.rediagnosis.cron=off} turns it off (tests drive the same logic
 * through the admin endpoint with a chosen day).
 */
@ApplicationScoped
public class RediagnosisJob {

  private static final Logger LOG = Logger.getLogger(RediagnosisJob.class);

  @Inject RediagnosisReminders reminders;

  @Scheduled(
      identity = "rediagnosis-reminders",
      cron = "{riss.guide.rediagnosis.cron}",
      timeZone = "Asia/Tokyo",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void daily() {
    RediagnosisReminders.Run run = reminders.run(reminders.today());
    LOG.infof("re-diagnosis proposals for %s: %d sent", run.today(), run.sent().size());
  }
}
