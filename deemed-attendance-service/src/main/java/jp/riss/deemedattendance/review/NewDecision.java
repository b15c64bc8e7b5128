package jp.riss.deemedattendance.review;

import java.util.List;

/** A reviewer's decision as posted. */
public record NewDecision(
    String decision, List<String> reasonCodes, String comment, String message) {}
