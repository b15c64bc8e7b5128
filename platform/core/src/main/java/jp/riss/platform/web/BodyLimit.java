package jp.riss.platform.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body declared larger than the limit with problem+json before it is read. (Vert.x
 * enforces the same limit on chunked bodies as they stream in.)
 */
@ApplicationScoped
public class BodyLimit {

  @ConfigProperty(name = "riss.http.max-body-bytes", defaultValue = "1048576")
  long maxBytes;

  void install(@Observes Router router) {
    router
        .route()
        .order(-190)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null && tooLarge(length)) {
                Problem problem =
                    Problem.of(
                        413,
                        "payload-too-large",
                        "Payload too large",
                        "The body may be at most " + maxBytes + " bytes.");
                ctx.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(EventJson.mapper().valueToTree(problem).toString());
                return;
              }
              ctx.next();
            });
  }

  private boolean tooLarge(String length) {
    try {
      return Long.parseLong(length.trim()) > maxBytes;
    } catch (NumberFormatException e) {
      return true;
    }
  }
}
