package jp.riss.activelist.review;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/** Runs the staleness rules hourly (tests switch it off and call the endpoint instead). */
@ApplicationScoped
public class StalenessSchedule {

  @Inject Clock clock;

  private static final Logger LOG = Logger.getLogger(StalenessSchedule.class);

  @Inject StalenessRun run;

  @Scheduled(
      identity = "listing-staleness",
      every = "${riss.active-list.staleness.every:1h}",
      delayed = "${riss.active-list.staleness.first-run-after:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void hourly() {
    StalenessRun.Report report = run.run(OffsetDateTime.now(clock));
    if (!report.reminded().isEmpty() || !report.madeStale().isEmpty()) {
      LOG.infof(
          "staleness run: %d reminded, %d made stale",
          report.reminded().size(), report.madeStale().size());
    }
  }
}
