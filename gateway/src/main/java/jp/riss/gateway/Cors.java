package jp.riss.gateway;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import jp.riss.platform.web.HttpOrder;

/**
 * Cross-origin calls from browser-based portals, for the configured origins only ({@code
 * riss.gateway.cors.origins}, env {@code CORS_ORIGINS}: comma-separated, {@code *} for any; none by
 * default, so a browser on another origin gets no CORS headers and cannot read answers). Tokens
 * travel as bearer headers and no cookie is ever used, so credentials are never allowed.
 *
 * <p>Applied to every answer, the gateway's own problems (401, 413, 429, 503 …) as much as the
 * services', since a portal must be able to read why a call failed; and preflights are answered
 * here, without reaching a service.
 */
@Singleton
public class Cors {

  static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
  // What the operations of the contracts take as request headers.
  static final String ALLOWED_HEADERS =
      "Authorization, Content-Type, Accept, Accept-Language, If-Match, If-None-Match,"
          + " Idempotency-Key, X-Request-Id, X-Attestation-Token";
  // What a script may read from an answer: paging, versions, pacing and where a create went.
  static final String EXPOSED_HEADERS =
      "X-Request-Id, ETag, Location, Link, Retry-After, WWW-Authenticate, Idempotent-Replayed,"
          + " RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";
  static final String MAX_AGE_SECONDS = "600";

  // Right after the request id, so every later answer (problems included) carries the headers.
  private static final int ORDER = HttpOrder.REQUEST_ID + 1;

  private final boolean anyOrigin;
  private final Set<String> origins;
  private final GatewayProblems problems;

  Cors(GatewayConfig config, GatewayProblems problems) {
    List<String> configured =
        config.cors().origins().orElse(List.of()).stream().map(String::strip).toList();
    this.anyOrigin = configured.contains("*");
    this.origins = Set.copyOf(configured);
    this.problems = problems;
  }

  void init(@Observes Router router) {
    router.route().order(ORDER).handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    boolean preflight =
        ctx.request().method() == HttpMethod.OPTIONS
            && origin != null
            && ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    if (origin == null) {
      ctx.next();
      return;
    }
    boolean allowed = anyOrigin || origins.contains(origin);
    if (!allowed) {
      if (preflight) {
        problems.send(
            ctx,
            GatewayProblems.Kind.FORBIDDEN,
            "Origin " + origin + " may not call this API from a browser.");
        return;
      }
      // Answered as usual, without CORS headers: the browser keeps the answer from the page.
      ctx.next();
      return;
    }
    HttpServerResponse response = ctx.response();
    if (preflight) {
      allowOrigin(response, origin);
      response
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
          .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS)
          .setStatusCode(204)
          .end();
      return;
    }
    // Set as the headers go out, so a proxied service's answer cannot replace them.
    ctx.addHeadersEndHandler(
        v -> {
          allowOrigin(response, origin);
          response.headers().set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        });
    ctx.next();
  }

  private void allowOrigin(HttpServerResponse response, String origin) {
    response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, anyOrigin ? "*" : origin);
    if (!anyOrigin) {
      // Caches must not hand one origin's answer to another.
      response.headers().add(HttpHeaders.VARY, "Origin");
    }
  }
}
