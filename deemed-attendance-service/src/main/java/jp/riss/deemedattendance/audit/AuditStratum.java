package jp.riss.deemedattendance.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A sample-audit stratum and the rate IPA set for it. */
@Entity
@Table(name = "audit_stratum")
public class AuditStratum {

  @Id
  @Column(columnDefinition = "text")
  public String code;

  @Column(nullable = false)
  public int position;

  @Column(name = "name_ja", nullable = false, columnDefinition = "text")
  public String nameJa;

  @Column(nullable = false, precision = 5, scale = 4)
  public BigDecimal rate;

  @Version public long version;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @Column(name = "updated_by", columnDefinition = "text")
  public String updatedBy;
}
