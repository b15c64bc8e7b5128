package jp.riss.deemedattendance.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code application-approved} and {@code application-revoked}: exactly what the Active
 * List needs to set the specialist's verified training status, nothing personal beyond the public
 * registration number (schema {@code events/deemedattendance.application.v1.schema.json}).
 */
public record ApplicationDecided(
    UUID applicationId,
    String registrationNumber,
    String requirementKind,
    LocalDate cycleStart,
    LocalDate cycleExpiry,
    OffsetDateTime decidedAt,
    String reason) {

  public static final String APPROVED = "jp.riss.deemedattendance.application-approved";
  public static final String REVOKED = "jp.riss.deemedattendance.application-revoked";
}
