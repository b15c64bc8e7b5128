package jp.riss.deemedattendance.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jp.riss.deemedattendance.imports.ImportReport.RowError;

/** One record of an import being read: typed field access that collects what is wrong with it. */
final class Row {

  /** The field named when the record as a whole is wrong. */
  static final String RECORD = "record";

  final int index;
  private final JsonNode node;
  final List<RowError> errors = new ArrayList<>();

  Row(int index, JsonNode node, Set<String> fields, Set<String> required) {
    this.index = index;
    this.node = node;
    if (node == null || !node.isObject()) {
      reject(RECORD, "must be an object");
      return;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        reject(name, "is not a known property");
      }
    }
    for (String name : required) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        reject(name, "is required");
      }
    }
  }

  boolean ok() {
    return errors.isEmpty();
  }

  void reject(String field, String message) {
    errors.add(new RowError(index, field, message));
  }

  /** A string field matching {@code pattern}; null (and an error) otherwise. */
  String text(String field, Pattern pattern, String rule) {
    String value = string(field, rule);
    if (value != null && !pattern.matcher(value).matches()) {
      reject(field, rule);
      return null;
    }
    return value;
  }

  /** A string field, stripped, of 1 to {@code max} characters. */
  String text(String field, int max) {
    String rule = "must be a string of 1 to " + max + " characters";
    String value = string(field, rule);
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > max) {
      reject(field, rule);
      return null;
    }
    return stripped;
  }

  /** Whether the record carries the field with a value (optional fields). */
  boolean has(String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && !value.isNull();
  }

  /** A field's text as sent, for a record already found valid. */
  String string(String field) {
    return node.get(field).asText();
  }

  /** An ISO-8601 calendar date such as 2024-04-01. */
  LocalDate date(String field) {
    String rule = "must be an ISO-8601 date such as 2024-04-01";
    String value = string(field, rule);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      reject(field, rule);
      return null;
    }
  }

  private String string(String field, String rule) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null; // reported as required by the constructor
    }
    if (!value.isTextual()) {
      reject(field, rule);
      return null;
    }
    return value.asText();
  }
}
