package jp.riss.community.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A field a programme pairs with security (Camp Connect: AI, automotive, space …). */
@Embeddable
public class ThemeArea {

  @Column(nullable = false, columnDefinition = "text")
  public String code;

  @Column(name = "display_order", nullable = false)
  public int displayOrder;

  /** industry, technology or social-science: the axes the seed selects themes along. */
  @Column(nullable = false, columnDefinition = "text")
  public String axis;

  @Column(name = "name_ja", nullable = false, columnDefinition = "text")
  public String nameJa;

  @Column(name = "name_en", nullable = false, columnDefinition = "text")
  public String nameEn;
}
