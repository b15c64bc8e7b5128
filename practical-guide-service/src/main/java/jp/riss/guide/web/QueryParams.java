package jp.riss.guide.web;

import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;

/**
 * Query parameters an endpoint does not know are refused (400 naming each), and a known one given
 * twice too: a misspelt filter must not silently widen a result.
 */
public final class QueryParams {

  private QueryParams() {}

  public static void only(UriInfo uri, Set<String> known) {
    List<Problem.Violation> violations = new ArrayList<>();
    uri.getQueryParameters()
        .forEach(
            (name, values) -> {
              if (!known.contains(name)) {
                violations.add(new Problem.Violation(name, "is not a parameter of this endpoint"));
              } else if (values.size() > 1) {
                violations.add(new Problem.Violation(name, "must be given at most once"));
              }
            });
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
  }
}
