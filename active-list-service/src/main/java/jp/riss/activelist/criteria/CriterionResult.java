package jp.riss.activelist.criteria;

/** One criterion's outcome for a listing; the reasons only when it failed. */
public record CriterionResult(String code, boolean passed, String reason, String reasonJa) {}
