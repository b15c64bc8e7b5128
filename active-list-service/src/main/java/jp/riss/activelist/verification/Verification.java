package jp.riss.activelist.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import jp.riss.activelist.alumnus.CampAlumnusLink;

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
        engagementsVerifiedAt,
        campAlumnus(registrationNumber));
  }

  /** The confirmed Security Camp alumnus links of the registration number, or null. */
  private static VerifiedFacts.CampAlumnus campAlumnus(String registrationNumber) {
    List<CampAlumnusLink> links = CampAlumnusLink.confirmed(registrationNumber);
    if (links.isEmpty()) {
      return null;
    }
    return new VerifiedFacts.CampAlumnus(
        links.stream()
            .map(
                l ->
                    new VerifiedFacts.CampAlumnus.Completion(
                        l.programme, l.programmeNameJa, l.fiscalYear))
            .distinct()
            .toList(),
        VerifiedFacts.CAMP_COMMUNITY,
        links.stream()
            .map(l -> l.confirmedAt)
            .max(java.util.Comparator.naturalOrder())
            .orElse(null));
  }
}
