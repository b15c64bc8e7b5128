package jp.riss.platform.web;

import io.vertx.core.VertxException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import jp.riss.platform.problem.Problem;

/**
 * Requests the router refuses before any route has run, answered as problems like every other
 * refusal. Vert.x Web fails an HTTP/1.1 request without a usable Host (missing, or not {@code
 * host[:port]}) with a bare 400, and a request target that is not a path with a bare 404; no
 * handler of ours has seen such a request, so without this the client got Quarkus' default error
 * page, and the gateway its catch-all 500.
 *
 * <p>Only those router failures are answered here (a status, no exception or Vert.x' own): what an
 * application handler fails with, and authentication challenges, pass on to their handlers.
 */
@ApplicationScoped
public class RouterFailures {

  void install(@Observes Router router) {
    router.route().order(HttpOrder.ROUTER_FAILURES).failureHandler(this::handle);
  }

  void handle(RoutingContext ctx) {
    if (!answer(ctx)) {
      ctx.next();
    }
  }

  /** Answers a refusal of the router itself as a problem; false when the failure is not one. */
  public static boolean answer(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure != null && failure.getClass() != VertxException.class) {
      return false;
    }
    Problem problem = problemFor(ctx);
    if (problem == null) {
      return false;
    }
    RequestIds.assign(ctx);
    ProblemWriter.send(ctx, problem, null);
    return true;
  }

  private static Problem problemFor(RoutingContext ctx) {
    switch (ctx.statusCode()) {
      case 400:
        String path = ctx.request().path();
        Problem.Violation violation =
            path == null || path.isEmpty()
                ? new Problem.Violation("path", "must start with '/'")
                : new Problem.Violation("Host", "is required, once, as host[:port]");
        return Problem.of(400, "validation", "Invalid request", "One or more fields are invalid.")
            .withViolations(List.of(violation));
      case 404:
        return Problem.of(404, "not-found", "Not found", "No resource at this path.");
      case 405:
        return Problem.of(
            405,
            "method-not-allowed",
            "Method not allowed",
            "This path does not take this method.");
      case 413:
        return Problem.of(
            413, "payload-too-large", "Payload too large", "The request body is too large.");
      default:
        return null;
    }
  }
}
