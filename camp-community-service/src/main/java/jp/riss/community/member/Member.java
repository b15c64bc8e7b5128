package jp.riss.community.member;

import java.util.Set;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/** An enrolled, active member on the day of the request: their age band and effective scopes. */
public record Member(Person person, AgeBand band, Set<Scope> scopes) {

  public boolean minor() {
    return band.minor();
  }

  public boolean has(Scope scope) {
    return scopes.contains(scope);
  }

  /** 403 naming the scope when it is missing: that function is off for this member. */
  public void require(Scope scope) {
    if (!has(scope)) {
      throw missing(scope);
    }
  }

  public static ProblemException missing(Scope scope) {
    return new ProblemException(
        Problem.of(
                403,
                "consent-missing",
                "Consent missing",
                "This function needs the consent scope '"
                    + scope.code
                    + "', which is not in force for this member.")
            .with("missingScope", scope.code)
            .withViolations(
                java.util.List.of(
                    new Problem.Violation("scope", scope.code + " is not consented"))));
  }
}
