package jp.riss.activelist.verification;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** Looks up the verified facts of a registration number. */
@ApplicationScoped
public class Verification {

  public VerifiedFacts of(
      String registrationNumber, int engagementsCompleted, OffsetDateTime engagementsVerifiedAt) {
    RegistrationFact registry = RegistrationFact.findById(registrationNumber);
    java.time.LocalDate cycleStart =
        registry == null
            ? null
            : registry
                .currentCycle(java.time.LocalDate.now(VerifiedFacts.JAPAN))
                .map(RegistrationChanged.CycleFacts::startsOn)
                .orElse(null);
    return VerifiedFacts.of(
        registry,
        DeemedAttendanceStatus.of(registrationNumber, cycleStart),
        engagementsCompleted,
        engagementsVerifiedAt);
  }
}
