package jp.riss.community.completion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.community.member.AgeBand;
import jp.riss.community.support.Checks;
import jp.riss.platform.problem.Problem;

/**
 * Checks each row on its own and the rows against each other: a row key appears once, and every row
 * of one person states the same name, addresses and date of birth. Rows are named by number.
 */
final class CompletionRowValidator {

  static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

  /** An edition as a row may name it. */
  record EditionRef(String programme, int fiscalYear) {}

  private final Set<String> programmes;
  private final Map<UUID, EditionRef> editions;
  private final LocalDate today;
  private final Map<String, Integer> keys = new HashMap<>();
  private final Map<String, CompletionRow> persons = new HashMap<>();

  CompletionRowValidator(Set<String> programmes, Map<UUID, EditionRef> editions, LocalDate today) {
    this.programmes = programmes;
    this.editions = editions;
    this.today = today;
  }

  /** The row, or null with its errors added to {@code errors}. */
  CompletionRow validate(RawRows.Raw raw, List<RowError> errors) {
    int n = raw.number();
    String prefix = "rows[" + n + "].";
    Checks c = Checks.start();
    raw.errors().forEach(e -> c.reject(prefix + e[0], e[1]));
    Map<String, String> v = raw.values();
    String rowKey =
        c.matching(
            prefix + "rowKey",
            v.get("rowKey"),
            KEY,
            "must be 1 to 64 of A-Z a-z 0-9 . _ : - (a letter or digit first)");
    String personRef =
        c.matching(
            prefix + "personRef",
            v.get("personRef"),
            KEY,
            "must be 1 to 64 of A-Z a-z 0-9 . _ : - (a letter or digit first)");
    String fullName = c.text(prefix + "fullName", v.get("fullName"), 100);
    String email = c.email(prefix + "email", v.get("email"));
    LocalDate dob = c.date(prefix + "dateOfBirth", v.get("dateOfBirth"));
    if (dob != null && (dob.isAfter(today) || dob.isBefore(LocalDate.of(1900, 1, 1)))) {
      c.reject(prefix + "dateOfBirth", "must be a past date after 1900-01-01");
      dob = null;
    }
    String guardian =
        v.get("guardianEmail") == null
            ? null
            : c.email(prefix + "guardianEmail", v.get("guardianEmail"));
    if (dob != null
        && guardian == null
        && v.get("guardianEmail") == null
        && AgeBand.of(dob, today).minor()) {
      c.reject(prefix + "guardianEmail", "is required for a person under 18");
    }
    String programme = c.oneOf(prefix + "programme", v.get("programme"), programmes);
    Integer year = null;
    String yearText = v.get("fiscalYear");
    if (yearText == null) {
      c.reject(prefix + "fiscalYear", "is required");
    } else if (!YEAR.matcher(yearText).matches()) {
      c.reject(prefix + "fiscalYear", "must be a fiscal year such as 2024");
    } else {
      int fiscalNow = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
      year = c.integer(prefix + "fiscalYear", Integer.parseInt(yearText), 2000, fiscalNow);
    }
    UUID edition = null;
    String editionText = v.get("edition");
    if (editionText != null) {
      try {
        edition = editionText.length() == 36 ? UUID.fromString(editionText) : null;
      } catch (IllegalArgumentException e) {
        edition = null;
      }
      EditionRef ref = edition == null ? null : editions.get(edition);
      if (ref == null) {
        c.reject(prefix + "edition", "must be the id of a known edition");
      } else if (programme != null
          && year != null
          && (!ref.programme().equals(programme) || ref.fiscalYear() != year)) {
        c.reject(prefix + "edition", "is an edition of another programme or fiscal year");
      }
    }
    String verified = v.get("verified");
    if (verified == null) {
      c.reject(prefix + "verified", "is required");
    } else if (!verified.equals("true") && !verified.equals("false")) {
      c.reject(prefix + "verified", "must be true or false");
    }
    if (rowKey != null) {
      Integer first = keys.putIfAbsent(rowKey, n);
      if (first != null) {
        c.reject(prefix + "rowKey", "appears again (first in row " + first + ")");
      }
    }
    if (!c.ok()) {
      add(n, c.violations(), errors);
      return null;
    }
    CompletionRow row =
        new CompletionRow(
            n,
            rowKey,
            personRef,
            fullName,
            email,
            dob,
            guardian,
            programme,
            year,
            edition,
            Boolean.parseBoolean(verified));
    CompletionRow earlier = persons.putIfAbsent(personRef, row);
    if (earlier != null && !earlier.person().equals(row.person())) {
      errors.add(
          new RowError(
              n,
              "personRef",
              "states another name, address or date of birth than row "
                  + earlier.number()
                  + " for the same person"));
      return null;
    }
    return row;
  }

  private static void add(int n, List<Problem.Violation> violations, List<RowError> errors) {
    String prefix = "rows[" + n + "].";
    for (Problem.Violation violation : violations) {
      errors.add(
          new RowError(n, violation.field().substring(prefix.length()), violation.message()));
    }
  }

  static List<Problem.Violation> asViolations(List<RowError> errors) {
    List<Problem.Violation> out = new ArrayList<>(errors.size());
    errors.forEach(
        e -> out.add(new Problem.Violation("rows[" + e.row() + "]." + e.field(), e.message())));
    return out;
  }
}
