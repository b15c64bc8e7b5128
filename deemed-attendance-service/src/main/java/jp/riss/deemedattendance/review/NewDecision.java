package jp.riss.deemedattendance.review;

import jakarta.validation.constraints.Size;
import java.util.List;

/** A reviewer's decision as posted. */
public record NewDecision(
    String decision,
    @Size(max = Reviews.MAX_REASONS) List<@Size(max = 40) String> reasonCodes,
    @Size(max = Reviews.TEXT_MAX) String comment,
    @Size(max = Reviews.TEXT_MAX) String message) {}
