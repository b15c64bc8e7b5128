package jp.riss.activelist.verification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What this service reads of the deemed-attendance service's registration events (topic {@code
 * deemedattendance.registration.v1}, schema beside the producer): the whole state of a registration
 * after a change. Other fields are ignored, so the producer can add to them.
 */
public record RegistrationChanged(
    String registrationNumber,
    String specialistSubject,
    String status,
    LocalDate registeredOn,
    List<CycleFacts> cycles,
    Long version,
    OffsetDateTime changedAt) {

  public static final String TOPIC = "deemedattendance.registration.v1";
  public static final String TYPE = "jp.riss.deemedattendance.registration-changed";

  public record CycleFacts(
      LocalDate startsOn,
      LocalDate expiresOn,
      LocalDate renewalDueOn,
      List<RequirementFacts> requirements) {

    /** The requirement of this kind, if the cycle has it. */
    public java.util.Optional<RequirementFacts> requirement(String kind) {
      return requirements.stream().filter(r -> kind.equals(r.kind())).findFirst();
    }

    /** A period not done past its due date: a mandatory course is overdue. */
    public boolean anyOverdue(LocalDate today) {
      return requirements.stream().anyMatch(r -> r.overdue(today));
    }
  }

  public record RequirementFacts(
      String kind, boolean substitutable, boolean done, List<PeriodFacts> periods) {

    public boolean overdue(LocalDate today) {
      return periods.stream().anyMatch(p -> !p.done() && p.dueOn().isBefore(today));
    }
  }

  /**
   * @param fulfilledBy COURSE, DEEMED_ATTENDANCE (an approved, not revoked, application), or null
   */
  public record PeriodFacts(
      int number,
      LocalDate startsOn,
      LocalDate endsOn,
      LocalDate dueOn,
      boolean done,
      String fulfilledBy,
      UUID applicationId,
      LocalDate completedOn) {}

  public boolean isComplete() {
    return registrationNumber != null
        && registrationNumber.matches("\\d{6}")
        && specialistSubject != null
        && !specialistSubject.isBlank()
        && status != null
        && registeredOn != null
        && cycles != null
        && cycles.stream()
            .allMatch(
                c ->
                    c != null
                        && c.startsOn() != null
                        && c.expiresOn() != null
                        && c.requirements() != null
                        && c.requirements().stream()
                            .allMatch(
                                r ->
                                    r != null
                                        && r.kind() != null
                                        && r.periods() != null
                                        && r.periods().stream()
                                            .allMatch(p -> p != null && p.dueOn() != null)))
        && version != null
        && changedAt != null;
  }
}
