package jp.riss.platform.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import jp.riss.platform.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body above the limit with a problem before any byte is read or streamed
 * upstream (Quarkus's own limit answers with an empty 413; it still guards chunked bodies).
 */
@ApplicationScoped
public class BodyLimit {

  @ConfigProperty(name = "riss.http.max-body-size", defaultValue = "1M")
  MemorySize maxBodySize;

  /**
   * Paths (exact) that take bulk bodies up to {@code riss.http.large-body-size} instead, e.g. a
   * registry import; the app must raise {@code quarkus.http.limits.max-body-size} to match.
   */
  @ConfigProperty(name = "riss.http.large-body-paths")
  Optional<List<String>> largeBodyPaths;

  @ConfigProperty(name = "riss.http.large-body-size", defaultValue = "20M")
  MemorySize largeBodySize;

  void install(@Observes Router router) {
    router.route().order(HttpOrder.BODY_LIMIT).handler(this::handle);
  }

  void handle(RoutingContext ctx) {
    String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared == null) {
      // Most requests (every GET) declare no body; chunked ones meet Quarkus's own limit.
      ctx.next();
      return;
    }
    long max =
        largeBodyPaths.filter(paths -> paths.contains(ctx.normalizedPath())).isPresent()
            ? largeBodySize.asLongValue()
            : maxBodySize.asLongValue();
    if (tooLarge(declared, max)) {
      // The unread body would otherwise be drained into the next request on this connection.
      ctx.response().endHandler(v -> ctx.request().connection().close());
      ProblemWriter.send(
          ctx,
          Problem.of(
              413,
              "payload-too-large",
              "Payload too large",
              "The body may be at most " + max + " bytes."),
          MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.CONNECTION, "close"));
      return;
    }
    ctx.next();
  }

  private static boolean tooLarge(String declared, long max) {
    try {
      return Long.parseLong(declared.trim()) > max;
    } catch (NumberFormatException e) {
      // Vert.x rejects malformed lengths itself; nothing for the limit to judge.
      return false;
    }
  }
}
