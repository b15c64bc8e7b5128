package jp.riss.platform.testing;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values a contract schema accepts, for the inputs a {@link ContractBounds} probe is not about. */
final class Values {

  private Values() {}

  /** A value the schema accepts: its example, its first enum value, or one its type implies. */
  static Object valid(Schema<?> s) {
    if (s == null) {
      return "x";
    }
    if (s.getEnum() != null && !s.getEnum().isEmpty()) {
      return s.getEnum().get(0);
    }
    if (s.getExample() != null) {
      return s.getExample();
    }
    String type = ContractBounds.type(s);
    if (type == null) {
      return "x";
    }
    return switch (type) {
      case "integer", "number" -> number(s);
      case "boolean" -> true;
      case "array" -> List.of();
      case "object" -> Map.of();
      default -> validString(s);
    };
  }

  private static Object number(Schema<?> s) {
    BigDecimal value = BigDecimal.ONE;
    if (s.getMinimum() != null && s.getMinimum().compareTo(value) > 0) {
      value = s.getMinimum();
    }
    if (s.getMaximum() != null && s.getMaximum().compareTo(value) < 0) {
      value = s.getMaximum();
    }
    return value.toBigInteger();
  }

  private static String validString(Schema<?> s) {
    String format = s.getFormat();
    if (format != null) {
      switch (format) {
        case "uuid":
          return "00000000-0000-4000-8000-000000000000";
        case "date":
          return "2026-04-01";
        case "date-time":
          return "2026-04-01T00:00:00Z";
        case "email":
          return "someone@example.com";
        case "uri":
          return "https://example.com/";
        default:
          break;
      }
    }
    int min = s.getMinLength() == null ? 1 : Math.max(1, s.getMinLength());
    return "x".repeat(min);
  }

  /**
   * The {@code i}-th of a run of values the item schema accepts, different from the others where
   * the schema lets them differ; null when no honest run can be made.
   */
  static Object distinct(Schema<?> items, int i, boolean unique) {
    if (items.getEnum() != null && !items.getEnum().isEmpty()) {
      List<?> values = items.getEnum();
      return i < values.size() ? values.get(i) : unique ? null : values.get(i % values.size());
    }
    String type = ContractBounds.type(items);
    if ("integer".equals(type) || "number".equals(type)) {
      BigDecimal start = items.getMinimum() == null ? BigDecimal.ZERO : items.getMinimum();
      BigDecimal value = start.add(BigDecimal.valueOf(i));
      return items.getMaximum() != null && value.compareTo(items.getMaximum()) > 0
          ? null
          : value.toBigInteger();
    }
    if ("string".equals(type) && items.getPattern() == null && items.getFormat() == null) {
      String value = Integer.toString(i, 36);
      int min = items.getMinLength() == null ? 1 : items.getMinLength();
      value = "a".repeat(Math.max(0, min - value.length())) + value;
      return items.getMaxLength() != null && value.length() > items.getMaxLength() ? null : value;
    }
    if ("object".equals(type) || items.getProperties() != null) {
      return Map.of();
    }
    return i == 0 || !unique ? valid(items) : null;
  }

  /** {@code "a.b[0].c"} with a value: {@code {"a": {"b": [{"c": value}]}}}, built inside out. */
  static Object nested(String field, Object value) {
    String[] parts = field.split("\\.");
    Object inner = value;
    for (int p = parts.length - 1; p >= 0; p--) {
      String name = parts[p];
      while (name.endsWith("[0]")) {
        name = name.substring(0, name.length() - 3);
        List<Object> list = new ArrayList<>();
        list.add(inner);
        inner = list;
      }
      Map<String, Object> object = new LinkedHashMap<>();
      object.put(name, inner);
      inner = object;
    }
    return inner;
  }
}
