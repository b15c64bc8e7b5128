package jp.riss.deemedattendance.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An example description IPA publishes for a syllabus area; entries may not copy it. */
@Entity
@Table(name = "description_example")
public class DescriptionExample {

  @Id public UUID id;

  @Column(nullable = false)
  public int area;

  @Column(nullable = false, columnDefinition = "text")
  public String title;

  @Column(nullable = false, columnDefinition = "text")
  public String text;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false, columnDefinition = "text")
  public String createdBy;
}
