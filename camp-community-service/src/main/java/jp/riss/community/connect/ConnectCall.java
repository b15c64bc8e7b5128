package jp.riss.community.connect;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A Camp Connect call: one per Connect edition (pre-event or main event). Its row lock is where
 * every change of places queues, so neither a theme's capacity nor the edition's is ever exceeded.
 */
@Entity
@Table(name = "connect_call")
public class ConnectCall {

  @Id public UUID id;

  @Column(name = "edition_id", nullable = false)
  public UUID editionId;

  @Column(nullable = false, columnDefinition = "text")
  public String title;

  @Column(nullable = false, columnDefinition = "text")
  public String eligibility;

  @Column(name = "opens_at", nullable = false)
  public OffsetDateTime opensAt;

  @Column(name = "closes_at", nullable = false)
  public OffsetDateTime closesAt;

  @Column(name = "utc_offset_seconds", nullable = false)
  public int utcOffsetSeconds;

  @Column(name = "rubric_version", nullable = false, columnDefinition = "text")
  public String rubricVersion;

  @Column(name = "min_reviews", nullable = false)
  public int minReviews;

  @Column(name = "results_summary", columnDefinition = "text")
  public String resultsSummary;

  @Column(name = "results_published_at")
  public OffsetDateTime resultsPublishedAt;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  public ZoneOffset offset() {
    return ZoneOffset.ofTotalSeconds(utcOffsetSeconds);
  }

  /** Whether applications are accepted at this instant. */
  public boolean openAt(OffsetDateTime now) {
    return !now.isBefore(opensAt) && now.isBefore(closesAt);
  }
}
