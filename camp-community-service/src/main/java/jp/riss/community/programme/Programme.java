package jp.riss.community.programme;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A Security Camp programme (全国大会, ネクストキャンプ …). Reference data, loaded by migrations. */
@Entity
@Table(name = "programme")
public class Programme {

  @Id
  @Column(columnDefinition = "text")
  public String code;

  @Column(name = "display_order", nullable = false)
  public int displayOrder;

  @Column(name = "name_ja", nullable = false, columnDefinition = "text")
  public String nameJa;

  @Column(name = "name_en", nullable = false, columnDefinition = "text")
  public String nameEn;

  /** Age limit of participants; null where none is stated. */
  @Column(name = "max_age")
  public Integer maxAge;

  /** Fiscal year first held; null where unknown. */
  @Column(name = "since_fy")
  public Integer sinceFiscalYear;

  @Column(name = "description_ja", nullable = false, columnDefinition = "text")
  public String descriptionJa;

  /** Whether a verified completion of this programme makes someone a member (camp office). */
  @Column(name = "community_eligible", nullable = false)
  public boolean communityEligible;

  /** The report's alumni count, as of {@link #referenceAsOf}: for reconciliation only. */
  @Column(name = "reference_alumni")
  public Integer referenceAlumni;

  @Column(name = "reference_as_of")
  public java.time.LocalDate referenceAsOf;

  @jakarta.persistence.Version
  @Column(nullable = false)
  public long version;

  @ElementCollection
  @CollectionTable(
      name = "programme_theme_area",
      joinColumns = @JoinColumn(name = "programme_code", columnDefinition = "text"))
  @OrderBy("displayOrder")
  public List<ThemeArea> themeAreas = new ArrayList<>();
}
