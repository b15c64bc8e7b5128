package jp.riss.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Answers a failed exchange with a service with problem details that say what happened: a service
 * that cannot be reached, or dropped the connection, is worth retrying shortly (503), one that
 * stopped answering is not (504).
 */
@Singleton
public class UpstreamFailures {

  private static final Logger LOG = Logger.getLogger(UpstreamFailures.class);
  static final String RETRY_AFTER_SECONDS = "5";

  private final GatewayProblems problems;

  UpstreamFailures(GatewayProblems problems) {
    this.problems = problems;
  }

  /**
   * Answers {@code ctx} for a request to {@code service} that failed with {@code failure}; {@code
   * connected} says whether a connection to the service had been obtained.
   */
  void answer(RoutingContext ctx, String service, boolean connected, Throwable failure) {
    String path = ctx.request().path();
    // Failing to get a connection at all means unavailable, however long it took.
    if (connected && failure instanceof TimeoutException) {
      LOG.warnf("%s did not answer %s in time", service, path);
      problems.send(
          ctx, GatewayProblems.Kind.UPSTREAM_TIMEOUT, service + " did not answer in time.");
      return;
    }
    LOG.warnf("%s unreachable for %s: %s", service, path, failure.toString());
    problems.send(
        ctx,
        GatewayProblems.Kind.UPSTREAM_UNAVAILABLE,
        service + " is unavailable. Retry shortly.",
        MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
  }
}
