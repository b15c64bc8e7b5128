package jp.riss.community.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A survey; its questions are rows of {@code survey_question}. */
@Entity
@Table(name = "survey")
public class Survey {

  @Id public UUID id;

  @Column(nullable = false, columnDefinition = "text")
  public String title;

  @Column(columnDefinition = "text")
  public String description;

  @Column(nullable = false)
  public boolean anonymous;

  @Column(name = "opens_at", nullable = false)
  public OffsetDateTime opensAt;

  @Column(name = "closes_at", nullable = false)
  public OffsetDateTime closesAt;

  @jakarta.persistence.Embedded
  public jp.riss.community.audience.AudienceColumns audience =
      new jp.riss.community.audience.AudienceColumns();

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  public boolean openAt(OffsetDateTime now) {
    return !now.isBefore(opensAt) && now.isBefore(closesAt);
  }
}
