package jp.riss.platform.web;

import jp.riss.platform.problem.ProblemException;

/** The {@code limit} of a cursor-paged list, given as text so that any bad value is named. */
public final class PageLimit {

  private PageLimit() {}

  /**
   * @return {@code byDefault} when absent, else the value if it is a whole number from 1 to {@code
   *     max}
   * @throws ProblemException 400 naming {@code limit} otherwise
   */
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
    throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + max);
  }
}
