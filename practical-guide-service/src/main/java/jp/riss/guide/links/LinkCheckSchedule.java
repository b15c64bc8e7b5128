package jp.riss.guide.links;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.riss.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/** The scheduled link check (monthly by default; tests switch it off and run checks on demand). */
@ApplicationScoped
public class LinkCheckSchedule {

  private static final Logger LOG = Logger.getLogger(LinkCheckSchedule.class);

  @Inject LinkChecks checks;

  @Scheduled(
      identity = "guide-link-check",
      cron = "${riss.guide.link-check.cron:0 0 3 1 * ?}",
      timeZone = "Asia/Tokyo",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void monthly() {
    try {
      LOG.infof("scheduled link check %s started", checks.start(null, "schedule", null));
    } catch (ProblemException running) {
      LOG.infof("scheduled link check skipped: %s", running.getMessage());
    }
  }
}
