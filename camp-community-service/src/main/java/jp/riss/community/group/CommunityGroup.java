package jp.riss.community.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A purpose group (目的別グループ): who may join, from which age band, and who moderates. */
@Entity
@Table(name = "community_group")
public class CommunityGroup {

  public static final String INCIDENT = "incident-cooperation";

  @Id public UUID id;

  @Column(nullable = false, columnDefinition = "text")
  public String name;

  @Column(nullable = false, columnDefinition = "text")
  public String purpose;

  @Column(nullable = false, columnDefinition = "text")
  public String visibility;

  @Column(name = "min_age_band", nullable = false, columnDefinition = "text")
  public String minAgeBand;

  @Column(nullable = false, columnDefinition = "text")
  public String description;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Version
  @Column(nullable = false)
  public long version;

  public boolean incident() {
    return INCIDENT.equals(purpose);
  }
}
