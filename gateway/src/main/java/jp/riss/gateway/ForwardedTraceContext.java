package jp.riss.gateway;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.inject.Singleton;

/**
 * Names the gateway's server span as the parent of the request it forwards, so the service's span
 * joins the caller's trace: gateway span child of the caller's, service span child of the
 * gateway's. Written here rather than by a client span of the proxy's HTTP client (its tracing is
 * off, see {@link ProxyRoutes}): a second span per request, which only repeated the server span's
 * timing, took over a quarter of the gateway's tracing CPU (JFR under bench/active-list-search).
 * What the caller sent under these header names is replaced, never passed on.
 */
@Singleton
public class ForwardedTraceContext implements ProxyInterceptor {

  private static final TextMapSetter<MultiMap> HEADERS = MultiMap::set;

  private final TextMapPropagator propagator;

  ForwardedTraceContext(OpenTelemetry openTelemetry) {
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    MultiMap headers = context.request().headers();
    for (String field : propagator.fields()) {
      headers.remove(field);
    }
    // The request's own context: the server span the tracer opened for this exchange.
    propagator.inject(Context.current(), headers, HEADERS);
    return context.sendRequest();
  }
}
