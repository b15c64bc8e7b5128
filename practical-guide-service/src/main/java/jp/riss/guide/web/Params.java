package jp.riss.guide.web;

import jp.riss.platform.problem.ProblemException;

/** Query and path values given as text, parsed so that a bad one is a 400 naming it. */
public final class Params {

  private Params() {}

  /** A Step number 1–4, or null when absent. */
  public static Integer step(String field, String value) {
    if (value == null) {
      return null;
    }
    if (value.length() == 1 && value.charAt(0) >= '1' && value.charAt(0) <= '4') {
      return value.charAt(0) - '0';
    }
    throw ProblemException.badRequest(field, "must be a Step: 1, 2, 3 or 4");
  }

  /** A whole number in range, or null when absent. */
  public static Integer number(String field, String value, int min, int max) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() <= 9) {
        int n = Integer.parseInt(value);
        if (n >= min && n <= max) {
          return n;
        }
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badRequest(field, "must be a whole number from " + min + " to " + max);
  }

  /** One of the given values, or null when absent. */
  public static String oneOf(String field, String value, java.util.Collection<String> values) {
    if (value != null && !values.contains(value)) {
      throw ProblemException.badRequest(
          field, "must be one of " + String.join(", ", new java.util.TreeSet<>(values)));
    }
    return value;
  }
}
