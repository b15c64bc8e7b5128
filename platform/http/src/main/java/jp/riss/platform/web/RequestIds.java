package jp.riss.platform.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every exchange one trustworthy {@code X-Request-Id}: the caller's when it is safe to log
 * and forward, a fresh one otherwise. It is written back into the request (so the gateway forwards
 * exactly this value), into the log context, and onto the response.
 */
@ApplicationScoped
public class RequestIds {

  public static final String HEADER = "X-Request-Id";
  private static final String KEY = "riss.requestId";
  // Anything else could smuggle header or log injection into every service downstream.
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  void install(@Observes Router router) {
    router.route().order(HttpOrder.REQUEST_ID).handler(this::handle);
  }

  void handle(RoutingContext ctx) {
    assign(ctx);
    ctx.next();
  }

  /**
   * Gives the exchange its id, unless it has one: also called for requests the router refused
   * before this handler could run ({@link RouterFailures}), so their problems carry an id too.
   */
  static String assign(RoutingContext ctx) {
    String assigned = ctx.get(KEY);
    if (assigned != null) {
      return assigned;
    }
    String id = accept(ctx.request().getHeader(HEADER));
    ctx.put(KEY, id);
    ctx.request().headers().set(HEADER, id);
    MDC.put("requestId", id);
    // Set at the last moment so an upstream's own header cannot replace or duplicate ours.
    ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, id));
    return id;
  }

  /** The caller's id when it is sane, otherwise a new one. */
  public static String accept(String offered) {
    return offered != null && SANE.matcher(offered).matches() ? offered : fresh();
  }

  /**
   * A random (version 4) UUID from the thread's generator: a correlation id must be unique, not
   * unpredictable, and {@link UUID#randomUUID()} reads the kernel's entropy source under a lock on
   * every request.
   */
  private static String fresh() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** The id of this exchange. */
  public static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id == null ? current() : id;
  }

  /** The current request's id from the log context, or "-" outside a request. */
  public static String current() {
    Object id = MDC.get("requestId");
    return id == null ? "-" : id.toString();
  }
}
