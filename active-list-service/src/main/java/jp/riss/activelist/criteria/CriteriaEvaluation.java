package jp.riss.activelist.criteria;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of every criterion evaluated for one listing. */
public record CriteriaEvaluation(boolean passed, List<CriterionResult> results) {

  static CriteriaEvaluation of(List<CriterionResult> results) {
    return new CriteriaEvaluation(results.stream().allMatch(CriterionResult::passed), results);
  }

  public List<FailedCriterion> failed() {
    return results.stream().filter(r -> !r.passed()).map(FailedCriterion::of).toList();
  }

  /** The failures as one line, for a status reason or a history entry. */
  public String summary() {
    return results.stream()
        .filter(r -> !r.passed())
        .map(r -> r.code() + ": " + r.reason())
        .collect(Collectors.joining("; "));
  }
}
