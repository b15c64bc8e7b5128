package jp.riss.deemedattendance.syllabus;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.Set;

/**
 * A sub-item (小項目) of the exam syllabus, such as 1-1. Experience entries are claimed against these.
 * Reference data: loaded by migrations; only {@link #shaded} is meant to change (by IPA).
 */
@Entity
@Table(name = "syllabus_item")
public class SyllabusItem {

  @Id
  @Column(columnDefinition = "text")
  public String code;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "area", nullable = false)
  public SyllabusArea area;

  @Column(nullable = false)
  public int number;

  @Column(name = "name_ja", nullable = false, columnDefinition = "text")
  public String nameJa;

  /** 網掛け: claims or courses on shaded sub-items alone are not enough. */
  @Column(nullable = false)
  public boolean shaded;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "updated_at")
  public java.time.OffsetDateTime updatedAt;

  @Column(name = "updated_by", columnDefinition = "text")
  public String updatedBy;

  /** Guidance theme numbers whose engagements exercise this sub-item. */
  @ElementCollection
  @CollectionTable(
      name = "theme_syllabus_item",
      joinColumns = @JoinColumn(name = "item_code", columnDefinition = "text"))
  @Column(name = "theme", nullable = false)
  public Set<Integer> themes = new HashSet<>();
}
