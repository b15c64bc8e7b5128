package jp.riss.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Four real HTTP servers standing in for the services. Each echoes what reached it as JSON, so
 * tests see exactly what the gateway forwarded. Two paths misbehave on purpose: {@code .../slow}
 * never answers and {@code .../reset} drops the connection; {@code .../absolute-location} answers
 * with a Location at the upstream's own address, {@code .../elsewhere-location} with one on another
 * site. Two answer late, to keep requests under way at once: {@code .../held} after 300 ms, {@code
 * .../held-long} after 1.5 s (it notes the connection it came on in {@link #heldLongConnections}).
 * Every echo names the connection it came on by the gateway's port of it.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

  static final Map<String, String> SERVICES =
      Map.of(
          "active-list", "active-list-service",
          "deemed-attendance", "deemed-attendance-service",
          "community", "camp-community-service",
          "guide", "practical-guide-service");

  /** The gateway's ports of the connections each {@code .../held-long} request came on. */
  static final java.util.Queue<Integer> heldLongConnections =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private Vertx vertx;

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    Map<String, String> config = new HashMap<>();
    SERVICES.forEach(
        (context, service) -> {
          HttpServer server =
              await(
                  vertx
                      .createHttpServer()
                      .requestHandler(request -> answer(vertx, service, request))
                      .listen(0, "127.0.0.1"));
          config.put(
              "riss.gateway.upstreams." + context + ".url",
              "http://127.0.0.1:" + server.actualPort());
        });
    // Long enough for a 5 MB body on a busy machine; the slow path still times out.
    config.put("riss.gateway.upstream-timeout", "5s");
    return config;
  }

  private static void answer(Vertx vertx, String service, HttpServerRequest request) {
    if (request.path().endsWith("/slow")) {
      return;
    }
    if (request.path().endsWith("/held")) {
      echo(vertx, service, request, 300);
      return;
    }
    if (request.path().endsWith("/held-long")) {
      heldLongConnections.add(request.connection().remoteAddress().port());
      echo(vertx, service, request, 1500);
      return;
    }
    if (request.path().endsWith("/reset")) {
      request.connection().close();
      return;
    }
    if (request.path().endsWith("/absolute-location")) {
      // What JAX-RS does with a relative URI unless told otherwise: the service's own address.
      String internal = "http://127.0.0.1:" + request.localAddress().port();
      request
          .response()
          .setStatusCode(201)
          .putHeader("Location", internal + "/api/v1/guide/things/1?x=1")
          .end();
      return;
    }
    if (request.path().endsWith("/elsewhere-location")) {
      request
          .response()
          .setStatusCode(303)
          .putHeader("Location", "https://www.ipa.go.jp/jinzai/riss/")
          .end();
      return;
    }
    if (request.path().equals("/q/openapi")) {
      JsonObject contract =
          new JsonObject()
              .put("openapi", "3.1.0")
              .put("info", new JsonObject().put("title", service))
              .put("query", request.query())
              .put("authorization", request.getHeader("Authorization"));
      request.response().putHeader("Content-Type", "application/json").end(contract.encode());
      return;
    }
    echo(vertx, service, request, 0);
  }

  /** Answers {@code request} with what reached this server, {@code delayMillis} after its end. */
  private static void echo(
      Vertx vertx, String service, HttpServerRequest request, long delayMillis) {
    request
        .body()
        .onSuccess(
            body -> {
              JsonObject headers = new JsonObject();
              request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
              JsonObject echo =
                  new JsonObject()
                      .put("service", service)
                      .put("method", request.method().name())
                      .put("path", request.path())
                      .put("query", request.query())
                      .put("headers", headers)
                      .put("body", body.toString())
                      .put("connection", request.connection().remoteAddress().port());
              Runnable send =
                  () ->
                      request
                          .response()
                          .putHeader("Content-Type", "application/json")
                          // A service's own request id must not replace or duplicate the gateway's.
                          .putHeader("X-Request-Id", "set-by-upstream")
                          .end(echo.encode());
              if (delayMillis == 0) {
                send.run();
              } else {
                vertx.setTimer(delayMillis, t -> send.run());
              }
            });
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    if (vertx != null) {
      await(vertx.close());
    }
  }
}
