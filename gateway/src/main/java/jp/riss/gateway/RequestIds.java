package jp.riss.gateway;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every exchange one trustworthy {@code X-Request-Id}: the caller's when it is safe to log
 * and forward, a fresh one otherwise; the same value goes upstream and back to the caller.
 */
@ApplicationScoped
public class RequestIds implements Handler<RoutingContext> {

  public static final String HEADER = "X-Request-Id";
  private static final String KEY = "riss.requestId";
  // Anything else could smuggle header or log injection into every service downstream.
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  public static String of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  static String accept(String offered) {
    return offered != null && SANE.matcher(offered).matches()
        ? offered
        : UUID.randomUUID().toString();
  }

  @Override
  public void handle(RoutingContext ctx) {
    String id = accept(ctx.request().getHeader(HEADER));
    ctx.put(KEY, id);
    // Rewriting the inbound header is what makes the proxy forward exactly this value.
    ctx.request().headers().set(HEADER, id);
    // Set at the last moment so an upstream's own header cannot replace or duplicate ours.
    ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, id));
    ctx.next();
  }
}
