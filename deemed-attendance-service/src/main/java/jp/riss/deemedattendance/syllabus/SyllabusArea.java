package jp.riss.deemedattendance.syllabus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An area (大項目) of the exam syllabus. Reference data: loaded by migrations, read only. */
@Entity
@Table(name = "syllabus_area")
public class SyllabusArea {

  @Id public Integer number;

  @Column(name = "name_ja", nullable = false, columnDefinition = "text")
  public String nameJa;
}
