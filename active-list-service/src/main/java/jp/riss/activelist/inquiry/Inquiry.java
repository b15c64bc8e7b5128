package jp.riss.activelist.inquiry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.shortlist.SmeProfile;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An SME's inquiry to one listing, and the specialist's answer. */
@Entity
@Table(name = "inquiry")
public class Inquiry extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "listing_id", nullable = false)
  public UUID listingId;

  @Column(name = "requester_subject", nullable = false, columnDefinition = "text")
  public String requesterSubject;

  @Column(name = "requester_role", nullable = false, columnDefinition = "text")
  public String requesterRole;

  @Column(name = "company_name", nullable = false, columnDefinition = "text")
  public String companyName;

  @Column(nullable = false, columnDefinition = "text")
  public String industry;

  @Column(nullable = false, columnDefinition = "text")
  public String prefecture;

  @Column(name = "size_band", nullable = false, columnDefinition = "text")
  public String sizeBand;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "integer[]")
  public Integer[] themes;

  @Column(name = "preferred_format", columnDefinition = "text")
  public String preferredFormat;

  @Column(name = "accepts_online", nullable = false)
  public boolean acceptsOnline;

  @Column(columnDefinition = "text")
  public String message;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public SmeContact contact;

  @Column(name = "consent_to_share_contact", nullable = false)
  public boolean consentToShareContact;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public InquiryStatus status;

  @Column(name = "respond_by", nullable = false)
  public OffsetDateTime respondBy;

  @Column(name = "responded_at")
  public OffsetDateTime respondedAt;

  @Column(name = "decline_reason", columnDefinition = "text")
  public String declineReason;

  @Column(name = "decline_note", columnDefinition = "text")
  public String declineNote;

  @Column(name = "closed_at")
  public OffsetDateTime closedAt;

  @Column(name = "closed_by_role", columnDefinition = "text")
  public String closedByRole;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  public SmeProfile profile() {
    return new SmeProfile(
        companyName,
        industry,
        prefecture,
        sizeBand,
        List.of(themes),
        preferredFormat,
        acceptsOnline);
  }

  /** Whether the specialist accepted it at some point (its contact is then shared). */
  public boolean wasAccepted() {
    return respondedAt != null && declineReason == null;
  }
}
