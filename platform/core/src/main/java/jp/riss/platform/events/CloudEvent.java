package jp.riss.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: what every RISS service writes to Kafka. The
 * record value is this object; the record key is the aggregate id.
 *
 * <p>{@code traceparent} and {@code tracestate} are the CloudEvents distributed-tracing extension
 * attributes (W3C trace context of the span that published the event). They are optional: the
 * outbox relay sets them, events from older rows or other producers may lack them, and a consumer
 * never fails an event over them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
    String specversion,
    String id,
    String source,
    String type,
    String subject,
    OffsetDateTime time,
    String datacontenttype,
    String dataschema,
    JsonNode data,
    String traceparent,
    String tracestate) {

  public static final String SPEC_VERSION = "1.0";
  public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

  /** The same envelope with the given trace context (null, null: without any). */
  public CloudEvent withTraceContext(String traceparent, String tracestate) {
    return new CloudEvent(
        specversion,
        id,
        source,
        type,
        subject,
        time,
        datacontenttype,
        dataschema,
        data,
        traceparent,
        tracestate);
  }

  /** An envelope without trace context (the relay adds it when it publishes). */
  public CloudEvent(
      String specversion,
      String id,
      String source,
      String type,
      String subject,
      OffsetDateTime time,
      String datacontenttype,
      String dataschema,
      JsonNode data) {
    this(
        specversion,
        id,
        source,
        type,
        subject,
        time,
        datacontenttype,
        dataschema,
        data,
        null,
        null);
  }

  /** Reads the payload as the producer's record type. */
  public <T> T dataAs(Class<T> type) {
    return EventJson.mapper().convertValue(data, type);
  }
}
