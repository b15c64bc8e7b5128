package jp.riss.platform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;

/**
 * A part of many answers that never changes once computed (texts of a published version), written
 * to JSON once: an answer that embeds it copies the kept UTF-8 bytes instead of serialising the
 * value again on every read, which for answers made mostly of such texts was most of their cost. It
 * is written with the mapper the answers are written with, so an answer's bytes are the same as if
 * the value had been serialised in place.
 *
 * @param <T> what was written, for code that needs the value itself
 */
public final class RenderedJson<T> implements JsonSerializable {

  private final T value;
  private final SerializedString json;

  private RenderedJson(T value, SerializedString json) {
    this.value = value;
    this.json = json;
  }

  /** {@code value} written by {@code mapper} now. */
  public static <T> RenderedJson<T> of(T value, ObjectMapper mapper) {
    try {
      return new RenderedJson<>(value, new SerializedString(mapper.writeValueAsString(value)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getName(), e);
    }
  }

  public T value() {
    return value;
  }

  @Override
  public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
    gen.writeRawValue(json);
  }

  @Override
  public void serializeWithType(
      JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
      throws IOException {
    // Rendered values are plain data without type ids.
    serialize(gen, serializers);
  }

  @Override
  public String toString() {
    return json.getValue();
  }
}
