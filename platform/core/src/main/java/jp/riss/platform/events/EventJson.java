package jp.riss.platform.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import jp.riss.platform.json.PlainJson;

/**
 * The one JSON mapping used for event envelopes, independent of the REST layer's mapper so that
 * changing API serialisation settings can never change what goes on the wire to Kafka.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER =
      PlainJson.mapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private EventJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(CloudEvent event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws MalformedEventException when the bytes are not a CloudEvents 1.0 JSON envelope
   */
  public static CloudEvent read(String json) {
    CloudEvent event;
    try {
      event = MAPPER.readValue(json, CloudEvent.class);
    } catch (IOException e) {
      throw new MalformedEventException("not a JSON CloudEvent: " + e.getMessage(), e);
    }
    if (event == null
        || !CloudEvent.SPEC_VERSION.equals(event.specversion())
        || event.id() == null
        || event.type() == null
        || event.source() == null) {
      throw new MalformedEventException("missing specversion 1.0, id, type or source", null);
    }
    return event;
  }
}
