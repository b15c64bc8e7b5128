package jp.riss.deemedattendance.imports;

import java.util.List;

/**
 * What an import did: every record is counted once as created, updated, unchanged or rejected; each
 * rejected record has one or more errors naming its index and field.
 */
public record ImportReport(
    int received, int created, int updated, int unchanged, int rejected, List<RowError> errors) {

  /** Why the record at {@code index} (0-based) of {@code records} was not imported. */
  public record RowError(int index, String field, String message) {}
}
