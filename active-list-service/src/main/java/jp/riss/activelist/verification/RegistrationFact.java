package jp.riss.activelist.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The read model of one registration as its owner, the deemed-attendance service, last published it
 * ({@code deemedattendance.registration.v1}): IPA's registry facts, the account bound to the
 * number, and what each requirement of each cycle stands at. Never written from anything else.
 */
@Entity
@Table(name = "registration_fact")
public class RegistrationFact extends PanacheEntityBase {

  @Id
  @Column(name = "registration_number", columnDefinition = "text")
  public String registrationNumber;

  /** The token subject of the account IPA's registry binds to the number: who holds it. */
  @Column(name = "specialist_subject", nullable = false, columnDefinition = "text")
  public String specialistSubject;

  /** VALID, SUSPENDED or REVOKED as the registry says; expiry follows from the cycles. */
  @Column(nullable = false, columnDefinition = "text")
  public String status;

  @Column(name = "registered_on", nullable = false)
  public LocalDate registeredOn;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<RegistrationChanged.CycleFacts> cycles;

  @Column(nullable = false)
  public long version;

  @Column(name = "changed_at", nullable = false)
  public OffsetDateTime changedAt;

  @Column(name = "received_at", nullable = false)
  public OffsetDateTime receivedAt;

  /** The registration bound to this account, if the registry binds one. */
  public static Optional<RegistrationFact> heldBy(String subject) {
    return find("specialistSubject", subject).firstResultOptional();
  }

  public boolean isHeldBy(String subject) {
    return specialistSubject.equals(subject);
  }

  /**
   * The cycle in force on {@code today}: the latest that has started; before the first one starts,
   * the first.
   */
  public Optional<RegistrationChanged.CycleFacts> currentCycle(LocalDate today) {
    Optional<RegistrationChanged.CycleFacts> started =
        cycles.stream()
            .filter(c -> !c.startsOn().isAfter(today))
            .max(Comparator.comparing(RegistrationChanged.CycleFacts::startsOn));
    return started.isPresent()
        ? started
        : cycles.stream().min(Comparator.comparing(RegistrationChanged.CycleFacts::startsOn));
  }

  /** VALID in the registry and the current cycle not expired. */
  public String effectiveStatus(LocalDate today) {
    if ("VALID".equals(status)
        && currentCycle(today).map(c -> c.expiresOn().isBefore(today)).orElse(true)) {
      return "EXPIRED";
    }
    return status;
  }
}
