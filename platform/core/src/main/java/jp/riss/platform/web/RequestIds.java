package jp.riss.platform.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Carries {@code X-Request-Id} through a service: taken from the caller (the gateway sets it) when
 * it is sane, made up otherwise, echoed on the response and put in the log context.
 */
@ApplicationScoped
public class RequestIds {

  public static final String HEADER = "X-Request-Id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  void install(@Observes Router router) {
    router
        .route()
        .order(-200)
        .handler(
            ctx -> {
              String id = ctx.request().getHeader(HEADER);
              if (id == null || !SANE.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
                ctx.request().headers().set(HEADER, id);
              }
              MDC.put("requestId", id);
              ctx.response().putHeader(HEADER, id);
              ctx.next();
            });
  }

  /** The current request's id, or "-" outside a request. */
  public static String current() {
    Object id = MDC.get("requestId");
    return id == null ? "-" : id.toString();
  }

  /** True when {@code id} may be passed on as a request id. */
  public static boolean isSane(String id) {
    return id != null && SANE.matcher(id).matches();
  }
}
