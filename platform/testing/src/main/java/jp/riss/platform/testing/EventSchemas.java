package jp.riss.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks a produced event against the JSON Schema its producer checked in. */
public final class EventSchemas {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventSchemas() {}

  /**
   * @param schemaName e.g. {@code activelist.listing.v1}: the classpath resource {@code
   *     events/<schemaName>.schema.json}
   * @return the violations, empty when the event conforms
   */
  public static Set<String> violations(String schemaName, String eventJson) {
    try (InputStream in =
        Thread.currentThread()
            .getContextClassLoader()
            .getResourceAsStream("events/" + schemaName + ".schema.json")) {
      if (in == null) {
        throw new IllegalStateException("no schema events/" + schemaName + ".schema.json");
      }
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
      JsonNode event = JSON.readTree(eventJson);
      return schema.validate(event).stream()
          .map(ValidationMessage::getMessage)
          .collect(Collectors.toSet());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
