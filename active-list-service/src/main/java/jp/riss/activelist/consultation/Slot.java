package jp.riss.activelist.consultation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An individual consultation (個別相談): one registered SME with one confirmed specialist at a time,
 * and what it found (issues, the themes to tackle in order, what follows).
 */
@Entity
@Table(name = "consultation_slot")
public class Slot extends PanacheEntityBase {

  /**
   * BOOKED holds the specialist's and the SME's time; CANCELLED (on its own or with its event)
   * frees it and takes no outcome.
   */
  public enum Status {
    BOOKED,
    CANCELLED
  }

  @Id public UUID id;

  @Column(name = "event_id", nullable = false)
  public UUID eventId;

  @Column(name = "registration_id", nullable = false)
  public UUID registrationId;

  @Column(name = "listing_id", nullable = false)
  public UUID listingId;

  @Column(name = "starts_at", nullable = false)
  public OffsetDateTime startsAt;

  @Column(name = "ends_at", nullable = false)
  public OffsetDateTime endsAt;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  public String[] issues;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "integer[]")
  public Integer[] priorities;

  @Column(name = "follow_up", columnDefinition = "text")
  public String followUp;

  @Column(name = "outcome_recorded_at")
  public OffsetDateTime outcomeRecordedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public Status status = Status.BOOKED;

  @Column(name = "cancelled_at")
  public OffsetDateTime cancelledAt;

  @Column(name = "cancellation_reason", columnDefinition = "text")
  public String cancellationReason;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;
}
