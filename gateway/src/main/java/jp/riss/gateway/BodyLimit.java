package jp.riss.gateway;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses declared bodies above the limit before any byte is streamed upstream, with a problem body
 * (Quarkus's own limit answers with an empty 413).
 */
@ApplicationScoped
public class BodyLimit implements Handler<RoutingContext> {

  private final long maxBytes;
  private final GatewayProblems problems;

  BodyLimit(GatewayConfig config, GatewayProblems problems) {
    this.maxBytes = config.maxBodySize().asLongValue();
    this.problems = problems;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared != null && tooLarge(declared)) {
      // The unread body would otherwise be drained into the next request on this connection.
      MultiMap close = MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.CONNECTION, "close");
      ctx.response().endHandler(v -> ctx.request().connection().close());
      problems.send(
          ctx,
          GatewayProblems.Kind.PAYLOAD_TOO_LARGE,
          "The body may be at most " + maxBytes + " bytes.",
          close);
      return;
    }
    ctx.next();
  }

  private boolean tooLarge(String declared) {
    try {
      return Long.parseLong(declared.trim()) > maxBytes;
    } catch (NumberFormatException e) {
      // Vert.x rejects malformed lengths itself; nothing for the limit to judge.
      return false;
    }
  }
}
