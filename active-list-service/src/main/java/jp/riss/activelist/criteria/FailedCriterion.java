package jp.riss.activelist.criteria;

/** A criterion a listing does not meet and why, as problems, events and reports name it. */
public record FailedCriterion(String code, String reason, String reasonJa) {

  static FailedCriterion of(CriterionResult result) {
    return new FailedCriterion(result.code(), result.reason(), result.reasonJa());
  }
}
