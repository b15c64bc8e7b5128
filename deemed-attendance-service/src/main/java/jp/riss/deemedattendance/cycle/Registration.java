package jp.riss.deemedattendance.cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A registered specialist: the registration number and their account's token subject. */
@Entity
@Table(name = "registration")
public class Registration {

  @Id
  @Column(name = "registration_number", columnDefinition = "text")
  public String registrationNumber;

  /** The {@code sub} of the specialist's tokens. Never shown by the API. */
  @Column(name = "specialist_subject", nullable = false, columnDefinition = "text")
  public String specialistSubject;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;
}
