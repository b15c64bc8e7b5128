package jp.riss.gateway;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.riss.gateway.Upstreams.Upstream;
import jp.riss.platform.web.HttpOrder;

/**
 * The gateway's routing table on the Quarkus router. Proxied routes ({@link UpstreamRoute}) get no
 * body handler on purpose: bodies stream through to the service instead of being buffered here.
 */
@ApplicationScoped
public class ProxyRoutes {

  // Request ids and the body limit come first (platform-http, HttpOrder); failures of any later
  // handler are answered as problems.
  private static final int ORDER_FIRST = HttpOrder.REQUEST_ID;
  // After every Quarkus route, so only truly unknown paths land here. Health and metrics are on
  // the management port, so /q/health and /q/metrics are unknown paths on this one.
  private static final int ORDER_LAST = Integer.MAX_VALUE;

  private final Upstreams upstreams;
  private final UpstreamForwarding forwarding;
  private final EdgeAuthentication edgeAuthentication;
  private final RateLimitRoute rateLimit;
  private final ContractIndex contractIndex;
  private final GatewayProblems problems;

  ProxyRoutes(
      Upstreams upstreams,
      UpstreamForwarding forwarding,
      EdgeAuthentication edgeAuthentication,
      RateLimitRoute rateLimit,
      ContractIndex contractIndex,
      GatewayProblems problems) {
    this.upstreams = upstreams;
    this.forwarding = forwarding;
    this.edgeAuthentication = edgeAuthentication;
    this.rateLimit = rateLimit;
    this.contractIndex = contractIndex;
    this.problems = problems;
  }

  /** A service's public document (its contract, its AsyncAPI) at {@code <path>/<context>}. */
  private void document(
      Router router, Upstream upstream, String path, ContractIndex.ServiceDocument document) {
    router
        .get(path + "/" + upstream.context())
        .handler(rateLimit.contracts())
        .handler(UpstreamRoute.document(upstream, forwarding, document));
  }

  void init(@Observes Router router) {
    router.route().order(ORDER_FIRST).failureHandler(problems::failure);

    for (Upstream upstream : upstreams.all()) {
      UpstreamRoute api = UpstreamRoute.api(upstream, forwarding);
      // The limit comes after authentication: a verified subject gets its own allowance.
      router
          .route(upstream.apiPrefix() + "/*")
          .handler(this::refuseDotSegments)
          .handler(edgeAuthentication)
          .handler(rateLimit.api())
          .handler(api);

      document(router, upstream, ContractIndex.PATH, ContractIndex.SERVICE_CONTRACT_DOCUMENT);
      document(
          router, upstream, ContractIndex.ASYNCAPI_PATH, ContractIndex.SERVICE_ASYNCAPI_DOCUMENT);
    }
    router.get(ContractIndex.PATH).handler(problems::refuseQuery).handler(contractIndex);

    router
        .route()
        .order(ORDER_LAST)
        .handler(
            ctx -> problems.send(ctx, GatewayProblems.Kind.NOT_FOUND, "No route at this path."));
  }

  /**
   * The router matches the normalised path, but the gateway forwards the path as sent. A path with
   * dot segments ({@code ..}, also percent-encoded) or an encoded slash or backslash could resolve
   * differently upstream, e.g. reach a service's {@code /q/...}; no API path has them, so they are
   * not routed at all.
   */
  private void refuseDotSegments(RoutingContext ctx) {
    if (traverses(ctx.request().path())) {
      ctx.request().resume();
      problems.send(ctx, GatewayProblems.Kind.NOT_FOUND, "No route at this path.");
      return;
    }
    ctx.next();
  }

  static boolean traverses(String rawPath) {
    if (rawPath == null || !suspicious(rawPath)) {
      return false;
    }
    String path = rawPath.toLowerCase(java.util.Locale.ROOT);
    if (path.contains("%2f") || path.contains("%5c") || path.indexOf('\\') >= 0) {
      return true;
    }
    for (String segment : path.replace("%2e", ".").split("/")) {
      int semicolon = segment.indexOf(';');
      String name = semicolon < 0 ? segment : segment.substring(0, semicolon);
      if (name.equals(".") || name.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the path has any character a dot segment or an encoded separator needs ({@code .},
   * {@code %}, a backslash). API paths almost never do, so nearly every request is cleared here
   * without the lower-casing and splitting below (they showed in the gateway's profile).
   */
  private static boolean suspicious(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.' || c == '%' || c == '\\') {
        return true;
      }
    }
    return false;
  }
}
