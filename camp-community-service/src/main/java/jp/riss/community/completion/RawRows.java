package jp.riss.community.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;

/**
 * An import body read into rows of text values, numbered from 1 (a CSV header is not a row). JSON
 * is {@code {"rows": [{...}, ...]}}; CSV has a header naming the fields in any order. Values are
 * text either way ({@code verified} true/false, {@code fiscalYear} digits), so both forms meet one
 * validator.
 */
final class RawRows {

  /** One row as read: its number, its values, and what was already wrong while reading it. */
  record Raw(int number, Map<String, String> values, List<String[]> errors) {}

  static final String JSON = "application/json";
  static final String CSV = "text/csv";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RawRows() {}

  static List<Raw> read(String mediaType, byte[] body, int max) {
    List<Raw> rows = CSV.equals(mediaType) ? csv(body) : json(body);
    if (rows.isEmpty()) {
      throw ProblemException.badRequest("rows", "must hold at least one row");
    }
    if (rows.size() > max) {
      throw ProblemException.badRequest(
          "rows", "must hold at most " + max + " rows; split the file");
    }
    return rows;
  }

  private static List<Raw> json(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new ProblemException(Problems.malformed("The body is not valid JSON."));
    }
    if (root == null || !root.isObject() || !root.has("rows") || !root.get("rows").isArray()) {
      throw ProblemException.badRequest("rows", "is required: an array of rows");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!"rows".equals(name)) {
        throw ProblemException.badRequest(name, "is not a known property");
      }
    }
    List<Raw> rows = new ArrayList<>();
    int number = 0;
    for (JsonNode node : root.get("rows")) {
      number++;
      Map<String, String> values = new HashMap<>();
      List<String[]> errors = new ArrayList<>();
      if (!node.isObject()) {
        errors.add(new String[] {"row", "must be an object"});
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> member = it.next();
          JsonNode v = member.getValue();
          if (!CompletionFields.ALL.contains(member.getKey())) {
            errors.add(new String[] {member.getKey(), "is not a known field"});
          } else if (v.isTextual()) {
            values.put(member.getKey(), v.asText());
          } else if (v.isBoolean() || v.isIntegralNumber()) {
            values.put(member.getKey(), v.asText());
          } else if (!v.isNull()) {
            errors.add(new String[] {member.getKey(), "must be a string, number or boolean"});
          }
        }
      }
      rows.add(new Raw(number, values, errors));
    }
    return rows;
  }

  private static List<Raw> csv(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n", -1);
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first == lines.length) {
      return List.of();
    }
    List<String> header = cells(lines[first]);
    List<Problem.Violation> headerErrors = new ArrayList<>();
    if (header == null) {
      headerErrors.add(new Problem.Violation("header", "has an unterminated quoted value"));
    } else {
      header = header.stream().map(String::strip).toList();
      for (String name : header) {
        if (!CompletionFields.ALL.contains(name)) {
          headerErrors.add(
              new Problem.Violation("header", "column " + name + " is not a known field"));
        }
      }
      for (String required : CompletionFields.REQUIRED) {
        if (!header.contains(required)) {
          headerErrors.add(new Problem.Violation("header", "has no column " + required));
        }
      }
    }
    if (!headerErrors.isEmpty()) {
      throw new ProblemException(Problems.validation(headerErrors));
    }
    List<Raw> rows = new ArrayList<>();
    int number = 0;
    for (int i = first + 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      number++;
      List<String> cells = cells(lines[i]);
      Map<String, String> values = new HashMap<>();
      List<String[]> errors = new ArrayList<>();
      if (cells == null) {
        errors.add(new String[] {"row", "has an unterminated quoted value"});
      } else if (cells.size() != header.size()) {
        errors.add(
            new String[] {
              "row", "has " + cells.size() + " values where the header has " + header.size()
            });
      } else {
        for (int c = 0; c < cells.size(); c++) {
          if (!cells.get(c).isEmpty()) {
            values.put(header.get(c), cells.get(c));
          }
        }
      }
      rows.add(new Raw(number, values, errors));
    }
    return rows;
  }

  /** RFC 4180 cells of one line (no line breaks inside values), or null if a quote is left open. */
  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean inQuotes = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i++);
      if (inQuotes && c == '"' && i < line.length() && line.charAt(i) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        inQuotes = !inQuotes;
      } else if (c == ',' && !inQuotes) {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return inQuotes ? null : out;
  }
}
