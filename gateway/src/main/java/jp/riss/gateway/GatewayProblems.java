package jp.riss.gateway;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.List;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.web.ProblemWriter;
import jp.riss.platform.web.RouterFailures;
import org.jboss.logging.Logger;

/**
 * The gateway's own errors, as the same problem details the services answer with (same type base,
 * same shape), so a client handles an error the same way whoever produced it.
 */
@Singleton
public class GatewayProblems {

  private static final Logger LOG = Logger.getLogger(GatewayProblems.class);

  public static final String MEDIA_TYPE = Problem.MEDIA_TYPE;

  /** Every error the gateway itself answers with. */
  public enum Kind {
    VALIDATION(400, "validation", "Invalid request"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    INTERNAL(500, "internal", "Internal error"),
    UPSTREAM_UNAVAILABLE(503, "upstream-unavailable", "Service unavailable"),
    UPSTREAM_TIMEOUT(504, "upstream-timeout", "Service timed out");

    final int status;
    final String slug;
    final String title;

    Kind(int status, String slug, String title) {
      this.status = status;
      this.slug = slug;
      this.title = title;
    }

    public int status() {
      return status;
    }

    Problem problem(String detail) {
      return Problem.of(status, slug, title, detail);
    }
  }

  /** Ends the exchange with a problem; extra headers (Retry-After, WWW-Authenticate) go first. */
  public void send(RoutingContext ctx, Kind kind, String detail, MultiMap extraHeaders) {
    ProblemWriter.send(ctx, kind.problem(detail), extraHeaders);
  }

  public void send(RoutingContext ctx, Kind kind, String detail) {
    send(ctx, kind, detail, null);
  }

  /**
   * For the gateway's own documents, which take no query parameters: like the services, a parameter
   * the operation does not declare is a 400 naming it rather than silently ignored.
   */
  public void refuseQuery(RoutingContext ctx) {
    List<Problem.Violation> unknown =
        ctx.queryParams().names().stream()
            .sorted()
            .map(name -> new Problem.Violation(name, "is not a parameter of this operation"))
            .toList();
    if (unknown.isEmpty()) {
      ctx.next();
      return;
    }
    ProblemWriter.send(
        ctx,
        Kind.VALIDATION.problem("One or more fields are invalid.").withViolations(unknown),
        null);
  }

  /** Last resort for anything that escaped a handler: a problem, never a stack trace. */
  public void failure(RoutingContext ctx) {
    if (RouterFailures.answer(ctx)) {
      return; // refused by the router before any route ran (no usable Host, ...)
    }
    int status = ctx.statusCode();
    if (status == 404) {
      send(ctx, Kind.NOT_FOUND, "No resource at this path.");
    } else if (status == 413) {
      send(ctx, Kind.PAYLOAD_TOO_LARGE, "The request body is too large.");
    } else {
      // Unexpected: the client gets the request id to quote, the log gets the cause.
      LOG.errorf(
          ctx.failure(),
          "%s %s failed (status %d)",
          ctx.request().method(),
          ctx.request().path(),
          status);
      send(
          ctx,
          Kind.INTERNAL,
          "The request could not be completed. Quote the request id when reporting this.");
    }
  }
}
