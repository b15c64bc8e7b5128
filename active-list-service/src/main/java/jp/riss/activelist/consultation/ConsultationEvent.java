package jp.riss.activelist.consultation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A consultation event (相談会) a support body runs, e.g. with a chamber of commerce. */
@Entity
@Table(name = "consultation_event")
public class ConsultationEvent extends PanacheEntityBase {

  /** SCHEDULED from creation on (also once it took place); CANCELLED before it started. */
  public enum Status {
    SCHEDULED,
    CANCELLED
  }

  @Id public UUID id;

  @Column(name = "owner_subject", nullable = false, columnDefinition = "text")
  public String ownerSubject;

  @Column(nullable = false, columnDefinition = "text")
  public String title;

  @Column(name = "starts_at", nullable = false)
  public OffsetDateTime startsAt;

  @Column(name = "ends_at", nullable = false)
  public OffsetDateTime endsAt;

  @Column(columnDefinition = "text")
  public String venue;

  @Column(nullable = false)
  public boolean online;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public Status status = Status.SCHEDULED;

  @Column(name = "cancelled_at")
  public OffsetDateTime cancelledAt;

  @Column(name = "cancellation_reason", columnDefinition = "text")
  public String cancellationReason;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;
}
