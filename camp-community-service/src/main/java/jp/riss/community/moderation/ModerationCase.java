package jp.riss.community.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A moderation case about one post, message or group; opened by a hold or a report. */
@Entity
@Table(name = "moderation_case")
public class ModerationCase {

  @Id public UUID id;

  @Column(name = "target_kind", nullable = false, columnDefinition = "text")
  public String targetKind;

  @Column(name = "target_id", nullable = false)
  public UUID targetId;

  @Column(name = "group_id")
  public UUID groupId;

  @Column(name = "author_id")
  public UUID authorId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "opened_because", nullable = false, columnDefinition = "text[]")
  public String[] openedBecause = new String[0];

  @Column(nullable = false, columnDefinition = "text")
  public String state;

  @Column(name = "opened_at", nullable = false)
  public OffsetDateTime openedAt;

  @Version
  @Column(nullable = false)
  public long version;
}
