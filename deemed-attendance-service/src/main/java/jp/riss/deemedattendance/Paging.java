package jp.riss.deemedattendance;

import jp.riss.platform.problem.ProblemException;

/** The {@code limit} query parameter of every paged list of this service. */
public final class Paging {

  public static final int DEFAULT = 20;
  public static final int MAX = 100;

  private Paging() {}

  /** 1–100, 20 when absent; anything else is a 400 naming {@code limit}. */
  public static int limit(String value) {
    if (value == null) {
      return DEFAULT;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= MAX) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + MAX);
  }
}
