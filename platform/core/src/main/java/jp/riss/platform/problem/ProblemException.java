package jp.riss.platform.problem;

/** Thrown by domain code to answer with a specific problem. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.title() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException badRequest(String field, String message) {
    return new ProblemException(
        Problems.validation(java.util.List.of(new Problem.Violation(field, message))));
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(
        Problem.of(404, "not-found", "Not found", what + " does not exist"));
  }

  /**
   * @return {@code found}, a row looked up by its id, when there is one
   * @throws ProblemException 404 "{@code what} does not exist" when there is none
   */
  public static <T> T requireFound(T found, String what) {
    if (found == null) {
      throw notFound(what);
    }
    return found;
  }

  public static ProblemException conflict(String slug, String title, String detail) {
    return new ProblemException(Problem.of(409, slug, title, detail));
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
  }
}
