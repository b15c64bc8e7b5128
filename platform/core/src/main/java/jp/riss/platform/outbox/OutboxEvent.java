package jp.riss.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of the outbox: one event waiting for (or done with) publication. */
@Entity
@Table(name = "outbox")
public class OutboxEvent extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "event_id", nullable = false, unique = true)
  public UUID eventId;

  @Column(nullable = false)
  public String topic;

  @Column(name = "aggregate_id", nullable = false)
  public String aggregateId;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(nullable = false, columnDefinition = "text")
  public String envelope;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "sent_at")
  public OffsetDateTime sentAt;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "last_error", columnDefinition = "text")
  public String lastError;

  /** W3C trace context of the request that wrote the event (null outside any trace). */
  @Column(columnDefinition = "text")
  public String traceparent;

  @Column(columnDefinition = "text")
  public String tracestate;
}
