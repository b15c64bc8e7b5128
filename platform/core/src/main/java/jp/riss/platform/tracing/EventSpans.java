package jp.riss.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jp.riss.platform.events.CloudEvent;

/**
 * The spans of events on their way through Kafka, named and described as OpenTelemetry's messaging
 * conventions say: the relay's {@code publish <topic>} (a PRODUCER span, child of the request that
 * wrote the event) and the inbox's {@code process <topic>} (a CONSUMER span, child of that publish
 * span, as the event's {@code traceparent} names it).
 */
@ApplicationScoped
public class EventSpans {

  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");
  static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
  static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");

  private final Tracer tracer;

  EventSpans(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("jp.riss.platform.events");
  }

  /**
   * Starts the span of publishing one event; the caller ends it once the broker answered.
   *
   * @param key the record key (the aggregate id)
   * @param stored the context stored with the outbox row (null for rows written outside any trace:
   *     the span then starts a trace of its own)
   */
  public Span publishing(String topic, String key, TraceContext stored) {
    return tracer
        .spanBuilder("publish " + topic)
        .setSpanKind(SpanKind.PRODUCER)
        .setParent(
            stored == null
                ? io.opentelemetry.context.Context.root()
                : TraceContext.parent(stored.traceparent(), stored.tracestate()))
        .setAttribute(SYSTEM, "kafka")
        .setAttribute(OPERATION, "send")
        .setAttribute(DESTINATION, topic)
        .setAttribute(KEY, key)
        .startSpan();
  }

  /** Marks a publish span failed (the row stays in the outbox for the next attempt). */
  public static void failed(Span span, String error) {
    span.setStatus(StatusCode.ERROR, error == null ? "not acknowledged" : error);
  }

  /**
   * Runs the handling of one event in a span whose parent is the publisher's span named by the
   * event's {@code traceparent}; without one, or with a malformed one, the span starts a new trace.
   * Whatever the handling throws is recorded on the span and rethrown unchanged.
   */
  public void consuming(String consumerGroup, String topic, CloudEvent event, Runnable handling) {
    Span span =
        tracer
            .spanBuilder("process " + topic)
            .setSpanKind(SpanKind.CONSUMER)
            .setParent(TraceContext.parent(event.traceparent(), event.tracestate()))
            .setAttribute(SYSTEM, "kafka")
            .setAttribute(OPERATION, "process")
            .setAttribute(DESTINATION, topic)
            .setAttribute(MESSAGE_ID, event.id())
            .setAttribute(GROUP, consumerGroup)
            .setAttribute(EVENT_TYPE, event.type())
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      handling.run();
    } catch (RuntimeException | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
    }
  }
}
