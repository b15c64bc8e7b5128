package jp.riss.activelist.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The deemed-attendance service's latest decision for a specialist, from its events. */
@Entity
@Table(name = "deemed_attendance_status")
public class DeemedAttendanceStatus extends PanacheEntityBase {

  @Id
  @Column(name = "registration_number", columnDefinition = "text")
  public String registrationNumber;

  @Column(name = "application_id", nullable = false)
  public UUID applicationId;

  @Column(nullable = false, columnDefinition = "text")
  public String status;

  @Column(name = "cycle_start", nullable = false)
  public LocalDate cycleStart;

  @Column(name = "cycle_expiry", nullable = false)
  public LocalDate cycleExpiry;

  @Column(name = "decided_at", nullable = false)
  public OffsetDateTime decidedAt;

  @Column(name = "received_at", nullable = false)
  public OffsetDateTime receivedAt;
}
