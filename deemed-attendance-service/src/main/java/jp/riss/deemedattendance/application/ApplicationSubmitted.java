package jp.riss.deemedattendance.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code deemedattendance.application-submitted}: what IPA's review needs to queue it. No
 * certifier e-mail, no corporate number (schema {@code
 * events/deemedattendance.application.v1.schema.json}).
 */
public record ApplicationSubmitted(
    UUID applicationId,
    String registrationNumber,
    String requirementKind,
    LocalDate cycleStartsOn,
    LocalDate cycleExpiresOn,
    LocalDate renewalDueOn,
    int entryCount,
    List<String> syllabusItems,
    String declarationVersion,
    OffsetDateTime declarationAcceptedAt,
    OffsetDateTime submittedAt,
    long version) {

  public static final String TOPIC = "deemedattendance.application.v1";
  public static final String SCHEMA = "deemedattendance.application.v1";
  public static final String TYPE = "jp.riss.deemedattendance.application-submitted";
}
