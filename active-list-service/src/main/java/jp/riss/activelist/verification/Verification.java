package jp.riss.activelist.verification;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** Looks up the verified facts of a registration number. */
@ApplicationScoped
public class Verification {

  public VerifiedFacts of(
      String registrationNumber, int engagementsCompleted, OffsetDateTime engagementsVerifiedAt) {
    return VerifiedFacts.of(
        RegistryEntry.findById(registrationNumber),
        DeemedAttendanceStatus.findById(registrationNumber),
        engagementsCompleted,
        engagementsVerifiedAt);
  }
}
