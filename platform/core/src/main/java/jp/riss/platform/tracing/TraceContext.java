package jp.riss.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.riss.platform.events.EventJson;

/**
 * W3C trace context as text: the {@code traceparent} and {@code tracestate} that travel with an
 * outbox row and in a CloudEvent's distributed-tracing extension attributes. Always W3C, whatever
 * HTTP propagators are configured: that is what the CloudEvents extension names.
 *
 * @param traceparent {@code 00-<trace id>-<parent span id>-<flags>}
 * @param tracestate vendor entries, or null
 */
public record TraceContext(String traceparent, String tracestate) {

  /**
   * Longest tracestate carried along. W3C asks to propagate at least 512 characters and lets a
   * longer one be dropped whole; the event schemas declare the same bound.
   */
  public static final int MAX_TRACESTATE = 512;

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  /** The context of the current span, or null when there is none (no trace is being recorded). */
  public static TraceContext current() {
    return of(Context.current());
  }

  /** The context identifying {@code span} as the parent of what follows. */
  public static TraceContext of(Span span) {
    return of(Context.root().with(span));
  }

  private static TraceContext of(Context context) {
    if (!Span.fromContext(context).getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>(2);
    W3C.inject(context, carrier, Map::put);
    String traceparent = carrier.get("traceparent");
    if (traceparent == null) {
      return null;
    }
    String tracestate = carrier.get("tracestate");
    return new TraceContext(
        traceparent,
        tracestate == null || tracestate.isEmpty() || tracestate.length() > MAX_TRACESTATE
            ? null
            : tracestate);
  }

  /**
   * The remote parent these values name, on top of the root context. Missing or malformed values
   * (an older event, another producer, a broken header) give the root context, so what follows
   * starts a new trace instead of failing.
   */
  public static Context parent(String traceparent, String tracestate) {
    if (traceparent == null || traceparent.isBlank()) {
      return Context.root();
    }
    try {
      return W3C.extract(
          Context.root(), new TraceContext(traceparent, tracestate), TraceContextGetter.INSTANCE);
    } catch (RuntimeException e) {
      return Context.root();
    }
  }

  /**
   * {@code envelope} (a CloudEvent as JSON, written without trace attributes) with these added as
   * its extension attributes. Spliced in rather than parsed and written again: the relay does this
   * for every event it publishes.
   */
  public String addTo(String envelope) {
    if (envelope == null || !envelope.startsWith("{")) {
      return envelope;
    }
    StringBuilder json = new StringBuilder(envelope.length() + 128).append("{\"traceparent\":");
    json.append(quoted(traceparent)).append(',');
    if (tracestate != null) {
      json.append("\"tracestate\":").append(quoted(tracestate)).append(',');
    }
    if (envelope.startsWith("{}")) {
      json.setLength(json.length() - 1);
    }
    return json.append(envelope, 1, envelope.length()).toString();
  }

  private static String quoted(String value) {
    try {
      return EventJson.mapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private enum TraceContextGetter implements TextMapGetter<TraceContext> {
    INSTANCE;

    @Override
    public Iterable<String> keys(TraceContext carrier) {
      return List.of("traceparent", "tracestate");
    }

    @Override
    public String get(TraceContext carrier, String key) {
      if (carrier == null) {
        return null;
      }
      return switch (key) {
        case "traceparent" -> carrier.traceparent();
        case "tracestate" -> carrier.tracestate();
        default -> null;
      };
    }
  }
}
