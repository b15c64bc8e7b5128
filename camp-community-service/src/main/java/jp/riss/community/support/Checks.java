package jp.riss.community.support;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;

/**
 * Collects what is wrong with a request so that one problem names every field at fault. Text is
 * bounded in code points and refused with control characters (NUL included), as the contract says.
 */
public final class Checks {

  /** No C0 control character except tab, newline and carriage return, and no DEL. */
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  /** A plausible e-mail address (the camp office's records are checked by mail, not by regex). */
  public static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  private static final Pattern RFC3339 =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

  private final List<Problem.Violation> violations = new ArrayList<>();

  public static Checks start() {
    return new Checks();
  }

  public Checks reject(String field, String message) {
    violations.add(new Problem.Violation(field, message));
    return this;
  }

  public boolean ok() {
    return violations.isEmpty();
  }

  public List<Problem.Violation> violations() {
    return violations;
  }

  /** Throws the 400 problem naming every field collected so far, if any. */
  public void throwIfAny() {
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(List.copyOf(violations)));
    }
  }

  /** Required text of 1..max code points after stripping; returns the stripped value. */
  public String text(String field, String value, int max) {
    if (value == null) {
      reject(field, "is required");
      return null;
    }
    return optionalText(field, value, max, 1);
  }

  /** Optional text; null stays null; blank becomes null. */
  public String optionalText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      if (value != null && CONTROL.matcher(value).find()) {
        reject(field, "must not contain control characters");
      }
      return null;
    }
    return optionalText(field, value, max, 1);
  }

  private String optionalText(String field, String value, int max, int min) {
    if (CONTROL.matcher(value).find()) {
      reject(field, "must not contain control characters");
      return null;
    }
    String stripped = value.strip();
    int length = stripped.codePointCount(0, stripped.length());
    if (length < min || length > max) {
      reject(field, "must be " + min + " to " + max + " characters");
      return null;
    }
    return stripped;
  }

  public String matching(String field, String value, Pattern pattern, String rule) {
    if (value == null) {
      reject(field, "is required");
      return null;
    }
    if (!pattern.matcher(value).matches()) {
      reject(field, rule);
      return null;
    }
    return value;
  }

  public String oneOf(String field, String value, Collection<String> allowed) {
    if (value == null) {
      reject(field, "is required");
      return null;
    }
    if (!allowed.contains(value)) {
      reject(field, "must be one of " + allowed.stream().sorted().toList());
      return null;
    }
    return value;
  }

  public String email(String field, String value) {
    if (value == null) {
      reject(field, "is required");
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > 254 || !EMAIL.matcher(stripped).matches()) {
      reject(field, "must be an e-mail address of at most 254 characters");
      return null;
    }
    return stripped;
  }

  public LocalDate date(String field, String value) {
    if (value == null) {
      reject(field, "is required");
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value);
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    reject(field, "must be an ISO-8601 date such as 2025-04-01");
    return null;
  }

  /** An instant with its UTC offset, as RFC 3339 writes it (2025-10-18T13:00:00+09:00). */
  public java.time.OffsetDateTime dateTime(String field, String value) {
    if (value == null) {
      reject(field, "is required");
      return null;
    }
    try {
      if (value.length() <= 35 && RFC3339.matcher(value).matches()) {
        return java.time.OffsetDateTime.parse(value);
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    reject(field, "must be an RFC 3339 date-time with offset such as 2025-10-18T13:00:00+09:00");
    return null;
  }

  public Integer integer(String field, Integer value, int min, int max) {
    if (value == null) {
      reject(field, "is required");
      return null;
    }
    if (value < min || value > max) {
      reject(field, "must be from " + min + " to " + max);
      return null;
    }
    return value;
  }

  /** A list of distinct items, each from {@code allowed}, at most {@code max}. */
  public List<String> subset(String field, List<String> values, Set<String> allowed, int max) {
    if (values == null) {
      reject(field, "is required");
      return null;
    }
    if (values.size() > max) {
      reject(field, "must hold at most " + max + " items");
      return null;
    }
    boolean good = true;
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null || !allowed.contains(v)) {
        reject(field + "[" + i + "]", "must be one of " + allowed.stream().sorted().toList());
        good = false;
      }
    }
    if (good && values.stream().distinct().count() != values.size()) {
      reject(field, "must not repeat an item");
      good = false;
    }
    return good ? List.copyOf(values) : null;
  }
}
