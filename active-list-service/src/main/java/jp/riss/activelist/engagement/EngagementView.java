package jp.riss.activelist.engagement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An engagement as its specialist, its support body and IPA see it. */
public record EngagementView(
    UUID id,
    UUID listingId,
    String specialistName,
    UUID inquiryId,
    String organisationName,
    String corporateNumber,
    int themeNumber,
    EngagementStatus status,
    LocalDate startedOn,
    LocalDate completedOn,
    OffsetDateTime cancelledAt,
    String cancellationReason,
    List<Visit> visits,
    OffsetDateTime createdAt,
    long version) {

  static EngagementView of(Engagement e, String specialistName) {
    return new EngagementView(
        e.id,
        e.listingId,
        specialistName,
        e.inquiryId,
        e.organisationName,
        e.corporateNumber,
        e.themeNumber,
        e.status,
        e.startedOn,
        e.completedOn,
        e.cancelledAt,
        e.cancellationReason,
        e.visits,
        e.createdAt,
        e.version);
  }
}
