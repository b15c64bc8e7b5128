package jp.riss.deemedattendance.attestation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code deemedattendance.attestation-requested}: what a mail sender needs to send the
 * certifier their one-time link. The ONLY place the certifier's e-mail and the token leave the
 * service (schema {@code events/deemedattendance.attestation.v1.schema.json}).
 */
public record AttestationRequested(
    UUID requestId,
    UUID applicationId,
    UUID entryId,
    String certifierName,
    String certifierTitle,
    String certifierEmail,
    String applicantDisplayName,
    String entryTitle,
    String organisationName,
    String link,
    OffsetDateTime expiresAt,
    String mailSubject,
    String mailBody) {

  public static final String TOPIC = "deemedattendance.attestation.v1";
  public static final String SCHEMA = "deemedattendance.attestation.v1";
  public static final String TYPE = "jp.riss.deemedattendance.attestation-requested";
}
