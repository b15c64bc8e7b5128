package jp.riss.activelist.verification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What this service reads of the deemed-attendance service's approval and revocation events (topic
 * {@code deemedattendance.application.v1}); other fields and types are ignored, so the producer can
 * add to them.
 */
public record DeemedAttendanceDecision(
    UUID applicationId,
    String registrationNumber,
    String requirementKind,
    LocalDate cycleStart,
    LocalDate cycleExpiry,
    OffsetDateTime decidedAt,
    String reason) {

  public static final String TOPIC = "deemedattendance.application.v1";
  public static final String APPROVED = "jp.riss.deemedattendance.application-approved";
  public static final String REVOKED = "jp.riss.deemedattendance.application-revoked";

  boolean isComplete() {
    return applicationId != null
        && registrationNumber != null
        && registrationNumber.matches("\\d{6}")
        && cycleStart != null
        && cycleExpiry != null
        && decidedAt != null;
  }
}
