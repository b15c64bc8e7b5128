package jp.riss.community.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A post in a group. Attachments are links to files held elsewhere; no binary is stored here. */
@Entity
@Table(name = "post")
public class Post {

  /** A link to a file held elsewhere. */
  public record Attachment(String url, String name, String mediaType, long sizeBytes) {}

  @Id public UUID id;

  @Column(name = "group_id", nullable = false)
  public UUID groupId;

  @Column(name = "author_id", nullable = false)
  public UUID authorId;

  @Column(nullable = false, columnDefinition = "text")
  public String body;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<Attachment> attachments;

  @Column(name = "sharing_label", columnDefinition = "text")
  public String sharingLabel;

  /** visible, held (waiting for a moderator), hidden, removed */
  @Column(nullable = false, columnDefinition = "text")
  public String state;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "held_reasons", nullable = false, columnDefinition = "text[]")
  public String[] heldReasons = new String[0];

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "edited_at")
  public OffsetDateTime editedAt;

  @Version
  @Column(nullable = false)
  public long version;
}
