package jp.riss.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's own errors, as RFC 9457 problem details shaped like the services' (same type base,
 * same slugs), so a client handles an error the same way whoever produced it.
 */
@ApplicationScoped
public class GatewayProblems {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://riss.example/problems/";

  /** Every error the gateway itself answers with. */
  public enum Kind {
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    NOT_FOUND(404, "not-found", "Not found"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
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
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Problem(
      String type, String title, int status, String detail, String instance, String requestId) {}

  private final ObjectMapper json;

  GatewayProblems(ObjectMapper json) {
    this.json = json;
  }

  public Buffer body(Kind kind, String detail, String path, String requestId) {
    // The request id travels in the body too: clients often log bodies, not headers.
    Problem problem =
        new Problem(TYPE_BASE + kind.slug, kind.title, kind.status, detail, path, requestId);
    try {
      return Buffer.buffer(json.writeValueAsBytes(problem));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem record always serialises", e);
    }
  }

  /** Ends the exchange with a problem; extra headers (Retry-After, WWW-Authenticate) go first. */
  public void send(RoutingContext ctx, Kind kind, String detail, MultiMap extraHeaders) {
    if (ctx.response().ended()) {
      return;
    }
    Buffer body = body(kind, detail, ctx.request().path(), RequestIds.of(ctx));
    ctx.response()
        .setStatusCode(kind.status)
        .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (extraHeaders != null) {
      ctx.response().headers().addAll(extraHeaders);
    }
    ctx.response().end(body);
  }

  public void send(RoutingContext ctx, Kind kind, String detail) {
    send(ctx, kind, detail, null);
  }

  /** Last resort for anything that escaped a handler: a problem, never a stack trace. */
  public void failure(RoutingContext ctx) {
    int status = ctx.statusCode();
    if (status == 404) {
      send(ctx, Kind.NOT_FOUND, "No resource at this path.");
    } else if (status == 413) {
      send(ctx, Kind.PAYLOAD_TOO_LARGE, "The request body is too large.");
    } else {
      send(
          ctx,
          Kind.INTERNAL,
          "The request could not be completed. Quote the request id when reporting this.");
    }
  }
}
