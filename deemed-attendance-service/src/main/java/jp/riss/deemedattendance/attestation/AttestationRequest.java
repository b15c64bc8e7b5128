package jp.riss.deemedattendance.attestation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.riss.deemedattendance.application.ExperienceEntry;

/** A one-time attestation link sent to an entry's certifier; only the token's hash is stored. */
@Entity
@Table(name = "attestation_request")
public class AttestationRequest {

  @Id public UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "entry_id", nullable = false)
  public ExperienceEntry entry;

  /** SHA-256 (hex) of the token. */
  @Column(name = "token_hash", nullable = false, columnDefinition = "text")
  public String tokenHash;

  @Column(name = "applicant_display", nullable = false, columnDefinition = "text")
  public String applicantDisplay;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  public OffsetDateTime expiresAt;

  @Column(name = "used_at")
  public OffsetDateTime usedAt;

  @Column(columnDefinition = "text")
  public String decision;
}
