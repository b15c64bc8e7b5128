package jp.riss.activelist.changes;

import jp.riss.platform.problem.ProblemException;

/**
 * The {@code limit} query parameter, read from text so that "abc" or 0 is a 400 naming {@code
 * limit} rather than a framework default answer.
 */
public final class PageLimit {

  private PageLimit() {}

  public static int parse(String value, int byDefault, int max) {
    if (value == null) {
      return byDefault;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badRequest("limit", "must be an integer from 1 to " + max);
  }
}
