package jp.riss.deemedattendance.requirement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import jp.riss.deemedattendance.cycle.RenewalCalendar;

/**
 * A kind of course a cycle requires (the online course, the practical course). Reference data
 * loaded by migrations; only {@link #substitutable} changes, by IPA administrators.
 */
@Entity
@Table(name = "requirement_kind")
public class RequirementKind {

  @Id
  @Column(columnDefinition = "text")
  public String code;

  @Column(nullable = false)
  public int position;

  @Column(name = "name_ja", nullable = false, columnDefinition = "text")
  public String nameJa;

  @Column(name = "name_en", nullable = false, columnDefinition = "text")
  public String nameEn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public Per per;

  /** Carries the duties and ethics content: never substitutable (the database enforces it too). */
  @Column(name = "duties_and_ethics", nullable = false)
  public boolean dutiesAndEthics;

  /** Practical work may count instead of it (みなし受講). */
  @Column(nullable = false)
  public boolean substitutable;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @Column(name = "updated_by", columnDefinition = "text")
  public String updatedBy;

  /** How many completions a cycle needs: one per period. */
  public int periods() {
    return per == Per.CYCLE_YEAR ? RenewalCalendar.CYCLE_YEARS : 1;
  }
}
