package jp.riss.gateway;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jp.riss.platform.web.HttpOrder;

/**
 * The gateway's server span for every request on the public port, started here rather than by
 * Quarkus' Vert.x HTTP instrumentation ({@code quarkus.otel.instrument.vertx-http=false}). That
 * instrumentation gathers a dozen attributes (headers, client address, forwarded host, query) for
 * every request before the sampler decides, so requests whose span is never recorded (all of them
 * without a collector) paid for it: 11 % of the gateway's CPU under bench/active-list-search. Here
 * the sampler decides first and attributes are gathered only for a span that is recorded.
 *
 * <p>What the rest of the platform relies on stays: the span continues the caller's W3C trace
 * context, a new trace starts where there is none (or it is malformed), and the context is made
 * current on the request's Vert.x context as Quarkus does it, so log lines name the trace and
 * {@link ForwardedTraceContext} names this span as the parent of the request it forwards.
 */
@Singleton
public class EdgeSpans {

  /** Before everything else on the router, so the gateway's own answers are inside the span. */
  static final int ORDER = HttpOrder.ROUTER_FAILURES - 1;

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<String> QUERY = AttributeKey.stringKey("url.query");
  private static final AttributeKey<String> SCHEME = AttributeKey.stringKey("url.scheme");
  private static final AttributeKey<String> CLIENT = AttributeKey.stringKey("client.address");
  private static final AttributeKey<String> USER_AGENT =
      AttributeKey.stringKey("user_agent.original");
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<Long> STATUS =
      AttributeKey.longKey("http.response.status_code");

  private static final TextMapGetter<MultiMap> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MultiMap carrier) {
          return carrier.names();
        }

        @Override
        public String get(MultiMap carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  EdgeSpans(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("jp.riss.gateway");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::start);
  }

  private void start(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    // A missing or malformed traceparent leaves the root context: the span starts a new trace.
    Context parent = propagator.extract(Context.root(), request.headers(), HEADERS);
    String method = request.method().name();
    Span span =
        tracer.spanBuilder(method).setSpanKind(SpanKind.SERVER).setParent(parent).startSpan();
    if (span.isRecording()) {
      describe(span, request, method);
      ctx.addEndHandler(done -> end(ctx, span));
    }
    // The request's own (duplicated) Vert.x context keeps it for the rest of the exchange, as
    // Quarkus' instrumentation left it; that context ends with the request, so no scope is closed.
    parent.with(span).makeCurrent();
    ctx.next();
  }

  private static void describe(Span span, HttpServerRequest request, String method) {
    span.setAttribute(METHOD, method);
    span.setAttribute(PATH, request.path());
    if (request.query() != null) {
      span.setAttribute(QUERY, request.query());
    }
    span.setAttribute(SCHEME, request.scheme());
    SocketAddress peer = request.remoteAddress();
    if (peer != null && peer.hostAddress() != null) {
      span.setAttribute(CLIENT, peer.hostAddress());
    }
    String userAgent = request.getHeader("User-Agent");
    if (userAgent != null) {
      span.setAttribute(USER_AGENT, userAgent);
    }
  }

  private static void end(RoutingContext ctx, Span span) {
    int status = ctx.response().getStatusCode();
    span.setAttribute(STATUS, (long) status);
    Route route = ctx.currentRoute();
    // A route's pattern, never the path itself: span names must not carry ids.
    if (route != null && route.getPath() != null) {
      span.setAttribute(ROUTE, route.getPath());
      span.updateName(ctx.request().method().name() + " " + route.getPath());
    }
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }
}
