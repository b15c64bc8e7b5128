package jp.riss.community.call;

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

/** A government call (意見募集・参加案内); responses are rows of {@code government_call_response}. */
@Entity
@Table(name = "government_call")
public class GovernmentCall {

  @Id public UUID id;

  @Column(nullable = false, columnDefinition = "text")
  public String kind;

  @Column(nullable = false, columnDefinition = "text")
  public String issuer;

  /** The issuing government body's token subject; null when the camp office posted the call. */
  @Column(name = "issuer_subject", columnDefinition = "text")
  public String issuerSubject;

  @Column(nullable = false, columnDefinition = "text")
  public String title;

  @Column(nullable = false, columnDefinition = "text")
  public String description;

  @Column(nullable = false)
  public OffsetDateTime deadline;

  @Column(name = "utc_offset_seconds", nullable = false)
  public int utcOffsetSeconds;

  @Embedded public TargetingColumns targeting = new TargetingColumns();

  @Column(name = "minor_suitable", nullable = false)
  public boolean minorSuitable;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  public boolean open(OffsetDateTime now) {
    return now.isBefore(deadline);
  }

  public ZoneOffset offset() {
    return ZoneOffset.ofTotalSeconds(utcOffsetSeconds);
  }
}
