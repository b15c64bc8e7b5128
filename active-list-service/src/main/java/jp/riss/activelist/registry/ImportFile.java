package jp.riss.activelist.registry;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.riss.platform.problem.ProblemException;

/**
 * An import file read and validated: the good records (one per registration number) and every row
 * error. Reading streams the file row by row; only the validated records are kept.
 */
record ImportFile(int rows, List<RegistryRecord> records, List<RowError> errors, int rejected) {

  static final String NDJSON = "application/x-ndjson";
  static final String CSV = "text/csv";

  static ImportFile read(String mediaType, byte[] body, int maxRecords) {
    List<RegistryRecord> records = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    Set<Integer> rejectedLines = new LinkedHashSet<>();
    Map<String, Integer> firstLine = new HashMap<>();
    int[] rows = {0};
    BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8), 1 << 16);
    java.util.function.Consumer<RawRow> onRow =
        row -> {
          if (++rows[0] > maxRecords) {
            throw ProblemException.badRequest(
                "body", "has more than " + maxRecords + " records; split the file");
          }
          int before = errors.size();
          RegistryRecord record = RegistryRecordValidator.validate(row, errors);
          if (record != null) {
            Integer seen = firstLine.putIfAbsent(record.registrationNumber(), row.line());
            if (seen != null) {
              errors.add(
                  new RowError(
                      row.line(),
                      RegistryFields.REGISTRATION_NUMBER,
                      "appears again (first on line " + seen + ")"));
            } else {
              records.add(record);
            }
          }
          if (errors.size() > before) {
            rejectedLines.add(row.line());
          }
        };
    if (CSV.equals(mediaType)) {
      CsvRows.read(reader, onRow);
    } else {
      NdjsonRows.read(reader, onRow);
    }
    if (rows[0] == 0) {
      throw ProblemException.badRequest("body", "has no records");
    }
    return new ImportFile(rows[0], records, errors, rejectedLines.size());
  }
}
