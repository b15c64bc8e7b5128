package jp.riss.guide.links;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jp.riss.guide.references.References;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import org.jboss.logging.Logger;

/**
 * Runs link checks: opens a run, then checks its links in the background with at most {@code
 * concurrency} at once, records every finding on the resource and in the run, and closes the run.
 * Flags, never deletes.
 */
@ApplicationScoped
public class LinkChecks {

  public static final int MAX_RESOURCES = 100;
  private static final Logger LOG = Logger.getLogger(LinkChecks.class);

  @Inject LinkCheckConfig config;
  @Inject LinkCheckRuns runs;
  @Inject LinkProbe probe;
  @Inject References references;

  private ExecutorService background;

  /** An on-demand run may name the resources to check; none means every one with an address. */
  public record Request(@Size(max = 100) List<@Min(1) @Max(9999) Integer> resources) {}

  @PostConstruct
  void init() {
    background = Executors.newSingleThreadExecutor(r -> new Thread(r, "guide-link-check"));
  }

  @PreDestroy
  void stop() {
    background.shutdownNow();
  }

  /** Starts a run and returns its id at once; the run continues in the background. */
  public UUID start(Request request, String trigger, String requestedBy) {
    List<Integer> only = request == null ? null : request.resources();
    if (only != null) {
      List<Problem.Violation> v = new ArrayList<>();
      if (only.isEmpty() || only.size() > MAX_RESOURCES) {
        v.add(new Problem.Violation("resources", "must name 1 to " + MAX_RESOURCES + " resources"));
      } else if (only.contains(null)) {
        v.add(new Problem.Violation("resources", "must not contain null"));
      } else {
        for (Integer n : references.notCheckable(only)) {
          v.add(
              new Problem.Violation(
                  "resources[" + only.indexOf(n) + "]",
                  "resource " + n + " does not exist or has no URL"));
        }
      }
      if (!v.isEmpty()) {
        throw new ProblemException(Problems.validation(v));
      }
    }
    List<References.Link> links = references.links(only);
    UUID run = runs.open(trigger, requestedBy, links.size());
    background.submit(() -> execute(run, links));
    return run;
  }

  private void execute(UUID run, List<References.Link> links) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, config.concurrency()));
    try {
      for (References.Link link : links) {
        pool.submit(
            () -> {
              try {
                References.Finding finding = probe.probe(link.url());
                references.record(link, finding);
                runs.result(run, link, finding);
              } catch (RuntimeException e) {
                LOG.warnf(e, "link check of resource %d failed", link.number());
              }
            });
      }
      pool.shutdown();
      long perLink =
          config.connectTimeout().plus(config.requestTimeout()).toMillis()
              * 2
              * (config.maxRedirects() + 1);
      pool.awaitTermination(perLink * links.size() + 60_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
      runs.finish(run);
      LOG.infof("link check %s finished (%d links)", run, links.size());
    }
  }
}
