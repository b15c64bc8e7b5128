package jp.riss.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Serves the service's checked-in contract ({@code src/main/openapi/openapi.yaml}, in the jar as
 * {@code META-INF/openapi.yaml}) at {@code /q/openapi} on the public port: YAML as checked in, or
 * JSON for {@code /q/openapi.json}, {@code ?format=json} or an {@code Accept} naming {@code
 * application/json} — the negotiation SmallRye OpenAPI's endpoint had, which this replaces.
 *
 * <p>Why not SmallRye OpenAPI: with annotation scanning off it only re-served this file, but
 * Quarkus 3.33 parses it and renders it as both JSON and YAML at every start (about a fifth of the
 * Active List's start-up work), where this reads the bytes and renders JSON once, on the first
 * request that asks for it. The gateway's contract index ({@code /openapi/<context>}) proxies here.
 */
@ApplicationScoped
public class ContractDocument {

  public static final String PATH = "/q/openapi";
  static final String YAML = "application/yaml;charset=UTF-8";
  static final String JSON = "application/json;charset=UTF-8";

  // As AsyncApiDocument: after request ids, the request-head checks and the body limit; before
  // the REST layer, which would answer this path as an unknown resource.
  private static final int ORDER = HttpOrder.BODY_LIMIT + 1;

  private volatile Buffer json;

  void install(@Observes Router router) {
    Buffer yaml = read();
    if (yaml == null) {
      return;
    }
    for (String path : List.of(PATH, PATH + ".json", PATH + ".yaml", PATH + ".yml")) {
      router
          .route(path)
          .order(ORDER)
          .method(HttpMethod.GET)
          .method(HttpMethod.HEAD)
          // Rendering the JSON once parses the whole contract: not on the event loop.
          .blockingHandler(ctx -> serve(ctx, yaml), false);
      router
          .options(path)
          .order(ORDER)
          .handler(
              ctx ->
                  ctx.response().setStatusCode(204).putHeader("Allow", "GET, HEAD, OPTIONS").end());
    }
  }

  private void serve(RoutingContext ctx, Buffer yaml) {
    boolean asJson = wantsJson(ctx);
    ctx.response().putHeader("Content-Type", asJson ? JSON : YAML).end(asJson ? json(yaml) : yaml);
  }

  static boolean wantsJson(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (path.endsWith(".json")) {
      return true;
    }
    if (path.endsWith(".yaml") || path.endsWith(".yml")) {
      return false;
    }
    String accept = ctx.request().getHeader("Accept");
    List<String> format = ctx.queryParam("format");
    return (accept != null && accept.contains("application/json"))
        || (!format.isEmpty() && "json".equalsIgnoreCase(format.get(0)));
  }

  private Buffer json(Buffer yaml) {
    Buffer rendered = json;
    if (rendered == null) {
      try {
        rendered =
            Buffer.buffer(
                new ObjectMapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new YAMLMapper().readTree(yaml.getBytes())));
      } catch (IOException e) {
        throw new UncheckedIOException("the checked-in contract cannot be read", e);
      }
      json = rendered;
    }
    return rendered;
  }

  private static Buffer read() {
    try (InputStream in =
        Thread.currentThread()
            .getContextClassLoader()
            .getResourceAsStream(ContractOperations.CONTRACT)) {
      return in == null ? null : Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
