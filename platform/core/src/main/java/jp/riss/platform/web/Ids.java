package jp.riss.platform.web;

import java.util.UUID;
import jp.riss.platform.problem.ProblemException;

/** Path and query ids arrive as strings so that a malformed one is a 400 naming the field. */
public final class Ids {

  private Ids() {}

  public static UUID uuid(String field, String value) {
    try {
      if (value != null && value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException e) {
      // fall through to the problem below
    }
    throw ProblemException.badRequest(field, "must be a UUID");
  }
}
