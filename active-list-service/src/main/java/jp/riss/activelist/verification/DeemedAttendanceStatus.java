package jp.riss.activelist.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The deemed-attendance service's latest decision for a specialist in one cycle, from its events.
 * Keyed by (registration number, cycle start): a decision about another cycle never overwrites it.
 */
@Entity
@Table(name = "deemed_attendance_status")
@IdClass(DeemedAttendanceStatus.Key.class)
public class DeemedAttendanceStatus extends PanacheEntityBase {

  /** The composite key. */
  public static class Key implements Serializable {
    public String registrationNumber;
    public LocalDate cycleStart;

    public Key() {}

    public Key(String registrationNumber, LocalDate cycleStart) {
      this.registrationNumber = registrationNumber;
      this.cycleStart = cycleStart;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && java.util.Objects.equals(registrationNumber, k.registrationNumber)
          && java.util.Objects.equals(cycleStart, k.cycleStart);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(registrationNumber, cycleStart);
    }
  }

  @Id
  @Column(name = "registration_number", columnDefinition = "text")
  public String registrationNumber;

  @Column(name = "application_id", nullable = false)
  public UUID applicationId;

  @Column(nullable = false, columnDefinition = "text")
  public String status;

  @Id
  @Column(name = "cycle_start", nullable = false)
  public LocalDate cycleStart;

  @Column(name = "cycle_expiry", nullable = false)
  public LocalDate cycleExpiry;

  @Column(name = "decided_at", nullable = false)
  public OffsetDateTime decidedAt;

  @Column(name = "received_at", nullable = false)
  public OffsetDateTime receivedAt;

  /**
   * The decision of the cycle starting {@code cycleStart} (the current one); when that cycle has
   * none, the decision of the latest cycle decided, which names its own cycle dates.
   */
  public static DeemedAttendanceStatus of(String registrationNumber, LocalDate cycleStart) {
    DeemedAttendanceStatus current =
        cycleStart == null ? null : findById(new Key(registrationNumber, cycleStart));
    if (current != null) {
      return current;
    }
    return DeemedAttendanceStatus.<DeemedAttendanceStatus>find(
            "registrationNumber = ?1 order by cycleStart desc", registrationNumber)
        .firstResult();
  }
}
