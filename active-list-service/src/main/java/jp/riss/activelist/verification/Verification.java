package jp.riss.activelist.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;

/** Looks up the verified facts of a registration number. */
@ApplicationScoped
public class Verification {

  @Inject Clock clock;

  public VerifiedFacts of(
      String registrationNumber, int engagementsCompleted, OffsetDateTime engagementsVerifiedAt) {
    java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(VerifiedFacts.JAPAN));
    RegistrationFact registry = RegistrationFact.findById(registrationNumber);
    java.time.LocalDate cycleStart =
        registry == null
            ? null
            : registry
                .currentCycle(today)
                .map(RegistrationChanged.CycleFacts::startsOn)
                .orElse(null);
    return VerifiedFacts.of(
        today,
        registry,
        DeemedAttendanceStatus.of(registrationNumber, cycleStart),
        engagementsCompleted,
        engagementsVerifiedAt);
  }
}
