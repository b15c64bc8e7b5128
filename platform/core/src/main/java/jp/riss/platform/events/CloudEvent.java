package jp.riss.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: what every RISS service writes to Kafka. The
 * record value is this object; the record key is the aggregate id.
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
    JsonNode data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

  /** Reads the payload as the producer's record type. */
  public <T> T dataAs(Class<T> type) {
    return EventJson.mapper().convertValue(data, type);
  }
}
