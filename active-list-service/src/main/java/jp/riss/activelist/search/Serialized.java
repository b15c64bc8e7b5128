package jp.riss.activelist.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;

/**
 * A value the index hands out again and again, with its JSON made the first time it is asked for: a
 * listing's summary or one filter set's facet counts appear in many responses between two changes,
 * and serialising them anew for each was most of what a search cost.
 */
final class Serialized<T> {

  private final T value;
  // Racing first requests may both serialise; they produce the same bytes, so either may win.
  private volatile byte[] json;

  Serialized(T value) {
    this.value = value;
  }

  T value() {
    return value;
  }

  byte[] json(ObjectWriter writer) {
    byte[] bytes = json;
    if (bytes == null) {
      try {
        bytes = writer.writeValueAsBytes(value);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      json = bytes;
    }
    return bytes;
  }
}
