package jp.riss.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jp.riss.platform.web.BodyLimit;
import jp.riss.platform.web.Drain;

/**
 * The limit for a body streamed without a declared length (chunked), the same {@link BodyLimit}
 * applies to declared ones, and the answer once one went over. {@link UpstreamExchange} counts the
 * bytes as they pass to the service; past the limit it resets the upstream request and this answers
 * 413, so an over-limit body never reaches a service whole, however it is framed.
 */
@Singleton
public class StreamedBodyLimit {

  /** No limit to count against: the body, if any, declared its length. */
  static final long NONE = -1;

  private final BodyLimit bodyLimit;
  private final Vertx vertx;
  private final GatewayProblems problems;

  StreamedBodyLimit(BodyLimit bodyLimit, Vertx vertx, GatewayProblems problems) {
    this.bodyLimit = bodyLimit;
    this.vertx = vertx;
    this.problems = problems;
  }

  /**
   * The bytes {@code caller}'s streamed body may have, or {@link #NONE} if it declared a length.
   */
  long limitFor(HttpServerRequest caller) {
    // A declared length was judged up front (BodyLimit); only a streamed body is counted.
    return caller.getHeader(HttpHeaders.CONTENT_LENGTH) == null
        ? bodyLimit.maxFor(caller.path())
        : NONE;
  }

  /**
   * Whether {@code caller}'s body is framed so it can be counted and forwarded: by a declared
   * length, by chunks, or not at all. Any other transfer coding is answered 400 here.
   */
  boolean framingAccepted(RoutingContext ctx) {
    String coding = ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
    if (coding == null || coding.equalsIgnoreCase("chunked")) {
      return true;
    }
    Drain.rest(vertx, ctx.request());
    problems.send(
        ctx,
        GatewayProblems.Kind.VALIDATION,
        "A body may be sent with a Content-Length or chunked, in no other transfer coding.",
        MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.CONNECTION, "close"));
    return false;
  }

  /** Answers that the body went over {@code limit}. */
  void refuse(RoutingContext ctx, long limit) {
    if (ctx.response().headWritten()) {
      // The service answered before the body was over; that answer cannot be taken back.
      ctx.response().reset();
      return;
    }
    // The caller is still sending: read the rest and close once it is done, never mid-body.
    Drain.rest(vertx, ctx.request());
    problems.send(
        ctx,
        GatewayProblems.Kind.PAYLOAD_TOO_LARGE,
        "The body may be at most " + limit + " bytes.",
        MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.CONNECTION, "close"));
  }
}
