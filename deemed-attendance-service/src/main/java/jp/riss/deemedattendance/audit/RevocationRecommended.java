package jp.riss.deemedattendance.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code jp.riss.deemedattendance.revocation-recommended} (topic {@code
 * deemedattendance.audit.v1}): a sample audit found a false declaration, and IPA's back office
 * should consider revoking the registration (law art. 19(2)). No certifier e-mail, no corporate
 * number (schema {@code events/deemedattendance.audit.v1.schema.json}).
 */
public record RevocationRecommended(
    UUID auditId,
    UUID drawId,
    UUID applicationId,
    String registrationNumber,
    String requirementKind,
    String stratum,
    String finding,
    String decidedBy,
    OffsetDateTime decidedAt) {

  public static final String TOPIC = "deemedattendance.audit.v1";
  public static final String SCHEMA = "deemedattendance.audit.v1";
  public static final String TYPE = "jp.riss.deemedattendance.revocation-recommended";
}
