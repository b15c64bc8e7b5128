package jp.riss.deemedattendance.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One decision as its readers see it. {@code reviewer} is IPA-internal: the applicant gets null.
 */
public record DecisionView(
    UUID id,
    UUID applicationId,
    Decision decision,
    OffsetDateTime decidedAt,
    List<Reason> reasons,
    String comment,
    String message,
    String advice,
    String reviewer) {

  public record Reason(String code, String name) {}

  static DecisionView of(ReviewDecision d, Map<String, RejectionReason> reasons, boolean forIpa) {
    return new DecisionView(
        d.id,
        d.applicationId,
        d.decision,
        d.decidedAt,
        d.reasonCodes.stream()
            .map(c -> new Reason(c, reasons.containsKey(c) ? reasons.get(c).nameJa : c))
            .toList(),
        d.comment,
        d.message,
        d.advice,
        forIpa ? d.reviewerSubject : null);
  }
}
