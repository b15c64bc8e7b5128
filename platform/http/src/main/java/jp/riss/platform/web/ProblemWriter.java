package jp.riss.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jp.riss.platform.json.PlainJson;
import jp.riss.platform.problem.Problem;

/**
 * Answers with problem details from Vert.x route handlers (the gateway's routes, the body limit),
 * where no JAX-RS exception mapper runs.
 */
public final class ProblemWriter {

  // Extension members may hold timestamps (an expiry, a retry time).
  private static final ObjectMapper JSON = PlainJson.mapper();

  private ProblemWriter() {}

  /** Ends the exchange with the problem; extra headers (Retry-After, WWW-Authenticate) go too. */
  public static void send(RoutingContext ctx, Problem problem, MultiMap extraHeaders) {
    if (ctx.response().ended()) {
      return;
    }
    // The request id travels in the body too: clients often log bodies, not headers.
    Problem answer =
        problem.withInstance(ctx.request().path()).with("requestId", RequestIds.of(ctx));
    ctx.response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (extraHeaders != null) {
      ctx.response().headers().addAll(extraHeaders);
    }
    ctx.response().end(body(answer));
  }

  public static Buffer body(Problem problem) {
    try {
      return Buffer.buffer(JSON.writeValueAsBytes(problem));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem record always serialises", e);
    }
  }
}
