package jp.riss.platform.asyncapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import jp.riss.platform.web.HttpOrder;

/**
 * Serves the service's AsyncAPI document (its Kafka topics, the events on them, who sends and who
 * receives) at {@code GET /asyncapi} on the public port, public like {@code /q/openapi}. The build
 * validates the checked-in {@code src/main/asyncapi/asyncapi.yaml} and writes it with every {@code
 * $ref} inlined as {@code META-INF/asyncapi.json} (tools/node/validate-asyncapi); this only hands
 * those bytes out, so nothing parses YAML or follows references at run time. A service without the
 * document gets no route.
 */
@ApplicationScoped
public class AsyncApiDocument {

  public static final String PATH = "/asyncapi";
  public static final String RESOURCE = "META-INF/asyncapi.json";
  public static final String MEDIA_TYPE = "application/json";

  // After request ids, the request-head checks and the body limit; before the REST layer, which
  // would answer this path as an unknown resource.
  private static final int ORDER = HttpOrder.BODY_LIMIT + 1;

  void install(@Observes Router router) {
    Buffer document = read();
    if (document == null) {
      return;
    }
    router
        .get(PATH)
        .order(ORDER)
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", MEDIA_TYPE)
                    .putHeader("Cache-Control", "no-cache")
                    .end(document));
  }

  private static Buffer read() {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? null : Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
