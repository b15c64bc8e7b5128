package jp.riss.activelist.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;

/**
 * Reads CSV (RFC 4180 quoting, one record per line) with a header row naming the fields in any
 * order. A header that cannot be mapped rejects the whole file; a bad row only itself.
 */
final class CsvRows {

  private CsvRows() {}

  static void read(BufferedReader reader, Consumer<RawRow> rows) {
    try {
      String line = reader.readLine();
      int number = 1;
      while (line != null && line.isBlank()) {
        line = reader.readLine();
        number++;
      }
      if (line == null) {
        return;
      }
      List<String> header = header(split(stripBom(line)));
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        List<String> cells = split(line);
        Map<String, String> values = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        if (cells == null) {
          errors.add(new RowError(number, null, "has an unterminated quoted value"));
        } else if (cells.size() != header.size()) {
          errors.add(
              new RowError(
                  number,
                  null,
                  "has " + cells.size() + " values where the header has " + header.size()));
        } else {
          for (int i = 0; i < header.size(); i++) {
            String cell = cells.get(i).strip();
            values.put(header.get(i), cell.isEmpty() ? null : cell);
          }
        }
        rows.accept(new RawRow(number, values, errors));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> header(List<String> names) {
    List<Problem.Violation> violations = new ArrayList<>();
    if (names == null) {
      violations.add(new Problem.Violation("header", "has an unterminated quoted value"));
    } else {
      for (String name : names) {
        if (!RegistryFields.ALL.contains(name.strip())) {
          violations.add(
              new Problem.Violation("header", "column " + name + " is not a known field"));
        }
      }
      for (String required : RegistryFields.REQUIRED) {
        if (names.stream().noneMatch(n -> n.strip().equals(required))) {
          violations.add(new Problem.Violation("header", "has no column " + required));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    return names.stream().map(String::strip).toList();
  }

  /** The cells of one line, or null when a quoted value does not end on it. */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    cells.add(cell.toString());
    return cells;
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
