package jp.riss.platform.web;

import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/**
 * Optimistic locking over HTTP: reads carry {@code ETag: "<version>"}, updates must send it back in
 * {@code If-Match}. No header is a 428, another version a 412 naming the current one.
 */
public final class Preconditions {

  public static final String IF_MATCH = "If-Match";

  private Preconditions() {}

  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  public static void requireIfMatch(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          Problem.of(
                  428,
                  "precondition-required",
                  "Precondition required",
                  "Send the ETag of the version you read in If-Match.")
              .withViolations(List.of(new Problem.Violation(IF_MATCH, "is required for updates"))));
    }
    String expected = "\"" + currentVersion + "\"";
    for (String tag : ifMatch.split(",")) {
      String candidate = tag.strip();
      if (candidate.startsWith("W/")) {
        candidate = candidate.substring(2);
      }
      if (candidate.equals(expected)) {
        return;
      }
    }
    throw new ProblemException(
        Problem.of(
                412,
                "precondition-failed",
                "Stale version",
                "The resource changed since you read it; read it again and reapply your change.")
            .with("currentETag", expected));
  }
}
