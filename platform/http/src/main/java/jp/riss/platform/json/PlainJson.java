package jp.riss.platform.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Mappers of our own, apart from the REST layer's (whose settings may change what an API answers):
 * event envelopes, cursors and problem bodies written outside JAX-RS. Every one must write
 * java.time values, and as ISO-8601 text that keeps the offset and the microseconds, so that a
 * value read back compares equal to the one the database holds.
 */
public final class PlainJson {

  private PlainJson() {}

  /** A new mapper with java.time as ISO-8601 text; the caller sets how strict it reads. */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  }
}
