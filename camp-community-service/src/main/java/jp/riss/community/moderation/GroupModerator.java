package jp.riss.community.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A named camp-office moderator of a group (read for the moderation queue). */
@Entity
@Table(name = "group_moderator")
@IdClass(GroupModerator.Key.class)
public class GroupModerator {

  /** The composite key. */
  public static class Key implements Serializable {
    public UUID groupId;
    public String subject;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(groupId, k.groupId)
          && Objects.equals(subject, k.subject);
    }

    @Override
    public int hashCode() {
      return Objects.hash(groupId, subject);
    }
  }

  @Id
  @Column(name = "group_id")
  public UUID groupId;

  @Id
  @Column(columnDefinition = "text")
  public String subject;

  @Column(name = "display_name", nullable = false, columnDefinition = "text")
  public String displayName;
}
