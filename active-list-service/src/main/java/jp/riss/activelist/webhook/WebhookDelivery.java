package jp.riss.activelist.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One batch of feed entries for one subscription, tried until accepted or given up. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

  public enum Status {
    PENDING,
    SUCCEEDED,
    FAILED
  }

  /** A batch of feed entries, or a ping the owner asked for to test the endpoint. */
  public enum Kind {
    CHANGES,
    PING
  }

  @Id public UUID id;

  @Column(name = "subscription_id", nullable = false)
  public UUID subscriptionId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public Kind kind = Kind.CHANGES;

  @Column(name = "from_seq", nullable = false)
  public long fromSeq;

  @Column(name = "to_seq", nullable = false)
  public long toSeq;

  @Column(name = "entry_count", nullable = false)
  public int entryCount;

  /** Exactly what every attempt sends (and signs). */
  @Column(nullable = false, columnDefinition = "text")
  public String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public Status status;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_attempt_at")
  public OffsetDateTime nextAttemptAt;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "give_up_at", nullable = false)
  public OffsetDateTime giveUpAt;

  @Column(name = "completed_at")
  public OffsetDateTime completedAt;
}
