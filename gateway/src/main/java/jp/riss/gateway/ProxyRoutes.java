package jp.riss.gateway;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.OriginRequestProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.riss.gateway.Upstreams.Upstream;
import jp.riss.platform.web.HttpOrder;

/**
 * The gateway's routing table on the Quarkus router. Proxied routes get no body handler on purpose:
 * bodies stream through to the service instead of being buffered here.
 */
@ApplicationScoped
public class ProxyRoutes {

  static final String SERVICE_KEY = "riss.service";
  static final String CONNECTED_KEY = "riss.connected";

  // Request ids and the body limit come first (platform-http, HttpOrder); failures of any later
  // handler are answered as problems.
  private static final int ORDER_FIRST = HttpOrder.REQUEST_ID;
  // After every Quarkus route, so only truly unknown paths land here. Health and metrics are on
  // the management port, so /q/health and /q/metrics are unknown paths on this one.
  private static final int ORDER_LAST = Integer.MAX_VALUE;

  /** The largest piece of an upstream answer handed on at once (see {@link #newClient}). */
  static final int UPSTREAM_CHUNK_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final GatewayConfig config;
  private final Upstreams upstreams;
  private final EdgeAuthentication edgeAuthentication;
  private final RateLimitRoute rateLimit;
  private final UpstreamFailures upstreamFailures;
  private final ForwardedHeaders forwardedHeaders;
  private final ForwardedTraceContext forwardedTraceContext;
  private final StreamedBodyLimit streamedBodyLimit;
  private final ContractIndex contractIndex;
  private final GatewayProblems problems;

  ProxyRoutes(
      Vertx vertx,
      GatewayConfig config,
      Upstreams upstreams,
      EdgeAuthentication edgeAuthentication,
      RateLimitRoute rateLimit,
      UpstreamFailures upstreamFailures,
      ForwardedHeaders forwardedHeaders,
      ForwardedTraceContext forwardedTraceContext,
      StreamedBodyLimit streamedBodyLimit,
      ContractIndex contractIndex,
      GatewayProblems problems) {
    this.vertx = vertx;
    this.config = config;
    this.upstreams = upstreams;
    this.edgeAuthentication = edgeAuthentication;
    this.rateLimit = rateLimit;
    this.upstreamFailures = upstreamFailures;
    this.forwardedHeaders = forwardedHeaders;
    this.forwardedTraceContext = forwardedTraceContext;
    this.streamedBodyLimit = streamedBodyLimit;
    this.contractIndex = contractIndex;
    this.problems = problems;
  }

  /**
   * One upstream client per event loop, each used only from its own loop, so the connections it
   * opens live on the loop that serves the caller: a request and its upstream exchange stay on one
   * thread. A single shared pool hands a request any idle connection, most often one bound to
   * another event loop, and every step of the exchange (the write, each response chunk, the end)
   * then crosses threads and wakes the other loop. Each pool keeps up to 64 keep-alive connections.
   */
  private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();

  /** The proxies' default client; used only for a request forwarded from outside an event loop. */
  private HttpClient sharedClient;

  /** A service's public document (its contract, its AsyncAPI) at {@code <path>/<context>}. */
  private void document(
      Router router, Upstream upstream, String path, io.vertx.httpproxy.ProxyInterceptor target) {
    HttpProxy proxy =
        HttpProxy.reverseProxy(sharedClient)
            .origin(origin(upstream))
            .addInterceptor(upstreamFailures)
            .addInterceptor(forwardedTraceContext)
            .addInterceptor(target);
    router
        .get(path + "/" + upstream.context())
        .handler(rateLimit.contracts())
        .handler(forward(proxy));
  }

  void init(@Observes Router router) {
    sharedClient = newClient();

    router.route().order(ORDER_FIRST).failureHandler(problems::failure);

    for (Upstream upstream : upstreams.all()) {
      // Failures first: as the outermost interceptor it also sees what the others fail with.
      HttpProxy api =
          HttpProxy.reverseProxy(sharedClient)
              .origin(origin(upstream))
              .addInterceptor(upstreamFailures)
              .addInterceptor(streamedBodyLimit)
              .addInterceptor(forwardedHeaders)
              .addInterceptor(forwardedTraceContext);
      // The limit comes after authentication: a verified subject gets its own allowance.
      router
          .route(upstream.apiPrefix() + "/*")
          .handler(this::refuseDotSegments)
          .handler(edgeAuthentication)
          .handler(rateLimit.api())
          .handler(forward(api));

      document(router, upstream, ContractIndex.PATH, contractIndex.serviceContract());
      document(router, upstream, ContractIndex.ASYNCAPI_PATH, contractIndex.serviceAsyncApi());
    }
    router.get(ContractIndex.PATH).handler(problems::refuseQuery).handler(contractIndex);

    router
        .route()
        .order(ORDER_LAST)
        .handler(
            ctx -> problems.send(ctx, GatewayProblems.Kind.NOT_FOUND, "No route at this path."));
  }

  void close(@Observes ShutdownEvent event) {
    // Vert.x outlives the application in dev mode; pooled upstream connections must not.
    clients.values().forEach(HttpClient::close);
    if (sharedClient != null) {
      sharedClient.close();
    }
  }

  private HttpClient newClient() {
    return vertx.createHttpClient(
        new HttpClientOptions()
            .setConnectTimeout((int) config.connectTimeout().toMillis())
            .setKeepAlive(true)
            // A service's answer is handed on in pieces of at most this size, each one written and
            // flushed to the caller on its own. Vert.x' 8 KB default cut a 13 KB page of search
            // results in two, each piece one more write, flush and stream event; the decoder
            // slices what has arrived anyway, so a larger limit buffers nothing more.
            .setMaxChunkSize(UPSTREAM_CHUNK_BYTES)
            // No client span: ForwardedTraceContext names the server span as the parent instead.
            .setTracingPolicy(TracingPolicy.IGNORE),
        new PoolOptions().setHttp1MaxSize(64));
  }

  private HttpClient client() {
    return Context.isOnEventLoopThread()
        ? clients.computeIfAbsent(Thread.currentThread(), thread -> newClient())
        : sharedClient;
  }

  /**
   * The router matches the normalised path, but the proxy forwards the path as sent. A path with
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

  private static Handler<RoutingContext> forward(HttpProxy proxy) {
    return ctx -> {
      // Connecting upstream is asynchronous; body bytes arriving meanwhile must wait, not drop.
      ctx.request().pause();
      proxy.handle(ctx.request());
    };
  }

  private OriginRequestProvider origin(Upstream upstream) {
    long timeoutMillis = config.upstreamTimeout().toMillis();
    return context -> {
      context.set(SERVICE_KEY, upstream.service());
      RequestOptions options =
          new RequestOptions()
              .setHost(upstream.host())
              .setPort(upstream.port())
              .setSsl(upstream.tls())
              .setIdleTimeout(timeoutMillis);
      return client()
          .request(options)
          .onSuccess(request -> context.set(CONNECTED_KEY, Boolean.TRUE));
    };
  }
}
