package jp.riss.community.achievement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An achievement (活躍状況) or participation report (参加レポート): {@code draft → submitted → reviewed →
 * published → withdrawn}. Who it names and their consents are rows of {@code achievement_person}.
 */
@Entity
@Table(name = "achievement")
public class Achievement {

  @Id public UUID id;

  @Column(nullable = false, columnDefinition = "text")
  public String kind;

  @Column(columnDefinition = "text")
  public String category;

  @Column(nullable = false, columnDefinition = "text")
  public String audience;

  @Column(nullable = false, columnDefinition = "text")
  public String title;

  @Column(nullable = false, columnDefinition = "text")
  public String body;

  @Column(name = "author_id", nullable = false)
  public UUID authorId;

  @Column(nullable = false, columnDefinition = "text")
  public String state;

  @Column(name = "review_note", columnDefinition = "text")
  public String reviewNote;

  @Column(name = "reviewed_by", columnDefinition = "text")
  public String reviewedBy;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "submitted_at")
  public OffsetDateTime submittedAt;

  @Column(name = "reviewed_at")
  public OffsetDateTime reviewedAt;

  @Column(name = "published_at")
  public OffsetDateTime publishedAt;

  @Column(name = "withdrawn_at")
  public OffsetDateTime withdrawnAt;

  @Version
  @Column(nullable = false)
  public long version;

  public static final String DRAFT = "draft";
  public static final String SUBMITTED = "submitted";
  public static final String REVIEWED = "reviewed";
  public static final String PUBLISHED = "published";
  public static final String WITHDRAWN = "withdrawn";
}
