package jp.riss.activelist.engagement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** On-site guidance (訪問指導) of one specialist for one SME on one theme, in three visits. */
@Entity
@Table(name = "guidance_engagement")
public class Engagement extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "listing_id", nullable = false)
  public UUID listingId;

  @Column(name = "support_body_subject", columnDefinition = "text")
  public String supportBodySubject;

  @Column(name = "inquiry_id")
  public UUID inquiryId;

  @Column(name = "created_by", nullable = false, columnDefinition = "text")
  public String createdBy;

  @Column(name = "created_by_role", nullable = false, columnDefinition = "text")
  public String createdByRole;

  @Column(name = "organisation_name", columnDefinition = "text")
  public String organisationName;

  @Column(name = "corporate_number", columnDefinition = "text")
  public String corporateNumber;

  @Column(name = "theme_number", nullable = false)
  public int themeNumber;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<Visit> visits;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public EngagementStatus status;

  @Column(name = "started_on", nullable = false)
  public LocalDate startedOn;

  @Column(name = "completed_on")
  public LocalDate completedOn;

  @Column(name = "completed_at")
  public OffsetDateTime completedAt;

  @Column(name = "cancelled_at")
  public OffsetDateTime cancelledAt;

  @Column(name = "cancellation_reason", columnDefinition = "text")
  public String cancellationReason;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
