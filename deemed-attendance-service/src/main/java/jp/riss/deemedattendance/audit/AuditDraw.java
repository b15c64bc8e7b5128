package jp.riss.deemedattendance.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One sample-audit draw with its recorded seed; strata and members are in their own tables. */
@Entity
@Table(name = "audit_draw")
public class AuditDraw {

  @Id public UUID id;

  @Column(name = "period_from", nullable = false)
  public LocalDate periodFrom;

  @Column(name = "period_to", nullable = false)
  public LocalDate periodTo;

  @Column(nullable = false)
  public long seed;

  @Column(nullable = false, columnDefinition = "text")
  public String algorithm;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false, columnDefinition = "text")
  public String createdBy;
}
