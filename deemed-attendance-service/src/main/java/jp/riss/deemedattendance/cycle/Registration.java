package jp.riss.deemedattendance.cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A registered specialist as IPA's registry knows them: the registration number, the token subject
 * of their account (the binding the whole platform relies on for "who holds this number"), the
 * first registration date and the registry status.
 */
@Entity
@Table(name = "registration")
public class Registration {

  @Id
  @Column(name = "registration_number", columnDefinition = "text")
  public String registrationNumber;

  /** The {@code sub} of the specialist's tokens. Never shown by the API. */
  @Column(name = "specialist_subject", nullable = false, columnDefinition = "text")
  public String specialistSubject;

  /** The first registration date, from IPA's registry. */
  @Column(name = "registered_on", nullable = false)
  public java.time.LocalDate registeredOn;

  /** VALID, SUSPENDED or REVOKED as IPA's registry says; EXPIRED follows from the cycle's dates. */
  @Column(nullable = false, columnDefinition = "text")
  public String status;

  /** Raised with every published state of this registration (consumers keep the newest). */
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
