package jp.riss.deemedattendance.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Why an application can be rejected: reference data of migration V5. */
@Entity
@Table(name = "rejection_reason")
public class RejectionReason {

  @Id
  @Column(columnDefinition = "text")
  public String code;

  @Column(nullable = false)
  public int position;

  @Column(name = "name_ja", nullable = false, columnDefinition = "text")
  public String nameJa;

  @Column(name = "name_en", nullable = false, columnDefinition = "text")
  public String nameEn;
}
