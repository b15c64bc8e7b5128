package jp.riss.platform.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
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
 * upstream (Quarkus's own limit answers with an empty 413). Bodies streamed without a declared
 * length are counted as they arrive by whoever reads them, against {@link #maxFor}; the gateway's
 * proxy does so in {@code StreamedBodyLimit}. Either way the rest of a refused body is drained
 * ({@link Drain}), so the client reads the answer instead of a reset connection.
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

  /**
   * Whether this process reads a body here, counting it, before handing it on whole: true for the
   * services, which read every body whole anyway (and whose framework would answer an over-limit
   * stream with a bare 400, and read a declared body on the worker thread, waiting for each chunk);
   * false for the gateway, which streams bodies through and counts them on the way ({@code
   * StreamedBodyLimit}).
   */
  @ConfigProperty(name = "riss.http.read-bodies", defaultValue = "false")
  boolean readBodies;

  void install(@Observes Router router) {
    router.route().order(HttpOrder.BODY_LIMIT).handler(this::handle);
  }

  void handle(RoutingContext ctx) {
    String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared == null) {
      if (readBodies && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
        readCounted(ctx, maxFor(ctx.normalizedPath()));
        return;
      }
      // Most requests (every GET) declare no body and send none.
      ctx.next();
      return;
    }
    long max = maxFor(ctx.normalizedPath());
    if (tooLarge(declared, max)) {
      refuse(ctx, max);
      return;
    }
    if (readBodies && !"0".equals(declared.trim())) {
      // Read here too, on the event loop, as the body arrives: otherwise the worker thread that
      // runs the endpoint asks for it and waits, handed each chunk and the end across threads
      // (a monitor per request, ~7 % of the practical guide's CPU in bench/guide-recommendations).
      readCounted(ctx, max);
      return;
    }
    ctx.next();
  }

  /** Reads a streamed body whole, refusing it as soon as it passes {@code max} bytes. */
  private static void readCounted(RoutingContext ctx, long max) {
    HttpServerRequest request = ctx.request();
    Buffer body = Buffer.buffer();
    boolean[] refused = {false};
    request.handler(
        chunk -> {
          if (refused[0]) {
            return;
          }
          if (body.length() + (long) chunk.length() > max) {
            refused[0] = true;
            refuse(ctx, max);
            return;
          }
          body.appendBuffer(chunk);
        });
    request.endHandler(
        v -> {
          if (!refused[0]) {
            // The framework reads a body already set on the context instead of the connection.
            ctx.setBody(body);
            ctx.next();
          }
        });
    request.resume();
  }

  /** The most bytes a body sent to {@code path} may have. */
  public long maxFor(String path) {
    return largeBodyPaths.filter(paths -> paths.contains(path)).isPresent()
        ? largeBodySize.asLongValue()
        : maxBodySize.asLongValue();
  }

  /** The 413 problem for a body above {@code max} bytes. */
  public static Problem tooLarge(long max) {
    return Problem.of(
        413,
        "payload-too-large",
        "Payload too large",
        "The body may be at most " + max + " bytes.");
  }

  /** Answers 413 and drains what is left of the body, then closes the connection. */
  public static void refuse(RoutingContext ctx, long max) {
    ProblemWriter.send(
        ctx,
        tooLarge(max),
        MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.CONNECTION, "close"));
    Drain.rest(ctx.vertx(), ctx.request());
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
