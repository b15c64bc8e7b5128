package jp.riss.deemedattendance.cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One 3-year registration cycle. The expiry and the renewal due date are {@link RenewalCalendar}'s,
 * stored so that queues and reminders can query them.
 */
@Entity
@Table(name = "cycle")
public class Cycle {

  @Id public UUID id;

  @Column(name = "registration_number", nullable = false, columnDefinition = "text")
  public String registrationNumber;

  @Column(name = "starts_on", nullable = false)
  public LocalDate startsOn;

  @Column(name = "expires_on", nullable = false)
  public LocalDate expiresOn;

  @Column(name = "renewal_due_on", nullable = false)
  public LocalDate renewalDueOn;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  public static Cycle starting(String registrationNumber, LocalDate startsOn, OffsetDateTime now) {
    Cycle cycle = new Cycle();
    cycle.id = UUID.randomUUID();
    cycle.registrationNumber = registrationNumber;
    cycle.startsOn = startsOn;
    cycle.expiresOn = RenewalCalendar.expiry(startsOn);
    cycle.renewalDueOn = RenewalCalendar.renewalDue(startsOn);
    cycle.createdAt = now;
    return cycle;
  }

  public boolean overlaps(LocalDate start, LocalDate end) {
    return !startsOn.isAfter(end) && !start.isAfter(expiresOn);
  }
}
