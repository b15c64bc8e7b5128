package jp.riss.deemedattendance.cycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import jp.riss.platform.problem.ProblemException;

/**
 * Where a specialist stands in their current registration cycle today: the specialist reads their
 * own, IPA anyone's; anyone else's is not found, like a registration that does not exist.
 */
@ApplicationScoped
public class CycleReads {

  @Inject Clock clock;

  @Inject Cycles cycles;

  @Transactional
  public CycleStatus mine(String subject) {
    LocalDate today = RenewalCalendar.today(clock);
    return cycles
        .registrationOf(subject)
        .flatMap(registration -> cycles.current(registration.registrationNumber, today))
        .map(cycle -> cycles.status(cycle, today))
        .orElseThrow(() -> ProblemException.notFound("a registration cycle of yours"));
  }

  @Transactional
  public CycleStatus of(String registrationNumber, String subject, boolean mayReadAnyone) {
    LocalDate today = RenewalCalendar.today(clock);
    return cycles
        .registration(registrationNumber)
        .filter(r -> mayReadAnyone || r.specialistSubject.equals(subject))
        .flatMap(r -> cycles.current(r.registrationNumber, today))
        .map(cycle -> cycles.status(cycle, today))
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "a registration cycle of registration number " + registrationNumber));
  }
}
