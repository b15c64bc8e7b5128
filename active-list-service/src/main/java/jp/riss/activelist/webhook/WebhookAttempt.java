package jp.riss.activelist.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One try to deliver: what the endpoint answered (or why there was no answer) and how long. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "delivery_id", nullable = false)
  public UUID deliveryId;

  @Column(name = "attempted_at", nullable = false)
  public OffsetDateTime attemptedAt;

  @Column(name = "status_code")
  public Integer statusCode;

  @Column(name = "duration_ms", nullable = false)
  public int durationMs;

  @Column(columnDefinition = "text")
  public String error;
}
