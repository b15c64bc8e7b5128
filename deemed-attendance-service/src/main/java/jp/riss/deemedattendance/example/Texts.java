package jp.riss.deemedattendance.example;

import java.util.List;
import jp.riss.platform.problem.Problem;

/**
 * Free-text field checks shared by examples and entries: required, trimmed, length in characters.
 */
public final class Texts {

  private Texts() {}

  /**
   * The trimmed value, or null after adding a violation: missing, blank, or outside {@code
   * min}..{@code max} characters (Unicode code points, as PostgreSQL's {@code length}).
   */
  public static String text(
      List<Problem.Violation> violations, String field, String value, int min, int max) {
    if (value == null) {
      violations.add(new Problem.Violation(field, "is required"));
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      violations.add(new Problem.Violation(field, "must not be blank"));
      return null;
    }
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length < min || length > max) {
      violations.add(
          new Problem.Violation(
              field, "must be " + min + " to " + max + " characters long (is " + length + ")"));
      return null;
    }
    if (trimmed
        .codePoints()
        .anyMatch(
            cp ->
                Character.getType(cp) == Character.CONTROL
                    && cp != '\n'
                    && cp != '\r'
                    && cp != '\t')) {
      violations.add(new Problem.Violation(field, "must not contain control characters"));
      return null;
    }
    return trimmed;
  }

  /**
   * Whether an optional text is longer than {@code max} characters, counted as the contract's
   * {@code maxLength} and PostgreSQL's {@code length} count them (code points, not UTF-16 units).
   */
  public static boolean longerThan(String value, int max) {
    return value != null && value.codePointCount(0, value.length()) > max;
  }
}
