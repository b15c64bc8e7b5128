package jp.riss.gateway;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.vertx.core.MultiMap;
import jakarta.inject.Singleton;

/**
 * Names the gateway's server span as the parent of the request it forwards, so the service's span
 * joins the caller's trace: gateway span child of the caller's, service span child of the
 * gateway's. Written here rather than by a client span of the upstream HTTP client (its tracing is
 * off, see {@link UpstreamClients}): a second span per request, which only repeated the server
 * span's timing, took over a quarter of the gateway's tracing CPU (JFR under
 * bench/active-list-search). What the caller sent under these header names is replaced, never
 * passed on.
 */
@Singleton
public class ForwardedTraceContext {

  private static final TextMapSetter<MultiMap> HEADERS = MultiMap::set;

  private final TextMapPropagator propagator;

  ForwardedTraceContext(OpenTelemetry openTelemetry) {
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  /**
   * Replaces the trace fields of {@code headers}, the request going upstream, with {@code parent}:
   * the context that was current when the gateway took the request, i.e. its server span (taken
   * then, as the upstream connection is ready only later, in a callback).
   */
  void adjustRequest(Context parent, MultiMap headers) {
    for (String field : propagator.fields()) {
      headers.remove(field);
    }
    propagator.inject(parent, headers, HEADERS);
  }
}
