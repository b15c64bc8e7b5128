package jp.riss.activelist.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads JSON lines one line at a time: one small tree per record, never the whole file. */
final class NdjsonRows {

  private static final ObjectMapper JSON = new ObjectMapper();

  private NdjsonRows() {}

  static void read(BufferedReader reader, Consumer<RawRow> rows) {
    try {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          rows.accept(row(number, line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RawRow row(int number, String line) {
    Map<String, String> values = new HashMap<>();
    List<RowError> errors = new ArrayList<>();
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      errors.add(new RowError(number, null, "is not valid JSON"));
      return new RawRow(number, values, errors);
    }
    if (!node.isObject()) {
      errors.add(new RowError(number, null, "is not a JSON object"));
      return new RawRow(number, values, errors);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      String name = member.getKey();
      JsonNode value = member.getValue();
      if (!RegistryFields.ALL.contains(name)) {
        errors.add(new RowError(number, name, "is not a known field"));
      } else if (value.isTextual()) {
        values.put(name, value.asText().isBlank() ? null : value.asText().strip());
      } else if (!value.isNull()) {
        errors.add(new RowError(number, name, "must be a string"));
      }
    }
    return new RawRow(number, values, errors);
  }
}
