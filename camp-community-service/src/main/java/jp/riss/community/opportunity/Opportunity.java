package jp.riss.community.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.riss.community.targeting.TargetingColumns;

/** An opportunity (活躍機会); members' interest in it are rows of {@code opportunity_interest}. */
@Entity
@Table(name = "opportunity")
public class Opportunity {

  @Id public UUID id;

  @Column(nullable = false, columnDefinition = "text")
  public String kind;

  @Column(nullable = false, columnDefinition = "text")
  public String provider;

  @Column(nullable = false, columnDefinition = "text")
  public String title;

  @Column(nullable = false, columnDefinition = "text")
  public String description;

  @Column(nullable = false, columnDefinition = "text")
  public String format;

  @Column(nullable = false)
  public int slots;

  @Column(nullable = false)
  public OffsetDateTime deadline;

  @Column(name = "utc_offset_seconds", nullable = false)
  public int utcOffsetSeconds;

  @Embedded public TargetingColumns targeting = new TargetingColumns();

  @Column(name = "minor_suitable", nullable = false)
  public boolean minorSuitable;

  @Column(name = "cancelled_at")
  public OffsetDateTime cancelledAt;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  /** {@code open} until the deadline, then {@code closed}; {@code cancelled} by the camp office. */
  public String state(OffsetDateTime now) {
    if (cancelledAt != null) {
      return "cancelled";
    }
    return now.isBefore(deadline) ? "open" : "closed";
  }

  public ZoneOffset offset() {
    return ZoneOffset.ofTotalSeconds(utcOffsetSeconds);
  }
}
