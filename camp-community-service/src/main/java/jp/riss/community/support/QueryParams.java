package jp.riss.community.support;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;

/** Query parameters an endpoint does not know, or repeats, are a 400 naming each of them. */
public final class QueryParams {

  private QueryParams() {}

  public static void only(MultivaluedMap<String, String> given, Set<String> known) {
    List<Problem.Violation> violations = new ArrayList<>();
    given.forEach(
        (name, values) -> {
          if (!known.contains(name)) {
            violations.add(new Problem.Violation(name, "is not a parameter of this endpoint"));
          } else if (values.size() > 1) {
            violations.add(new Problem.Violation(name, "must be given once"));
          }
        });
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
  }
}
