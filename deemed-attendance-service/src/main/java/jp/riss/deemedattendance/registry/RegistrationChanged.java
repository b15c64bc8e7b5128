package jp.riss.deemedattendance.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code jp.riss.deemedattendance.registration-changed} (topic {@code
 * deemedattendance.registration.v1}, key the registration number): the whole state of one
 * registration after a change, so a consumer keeps a read model by replacing what it has with any
 * newer {@code version} (schema {@code events/deemedattendance.registration.v1.schema.json}).
 *
 * <p>Only facts that do not depend on the day it is read: dates, and per period whether it is done
 * and by what. A consumer works out "expired" or "overdue" for its own today from them.
 *
 * @param specialistSubject the token subject of the account bound to the number: the proof of who
 *     holds it
 * @param status VALID, SUSPENDED or REVOKED as IPA's registry says
 * @param cycles every cycle of the registration, oldest first; the current one is the latest that
 *     has started
 */
public record RegistrationChanged(
    String registrationNumber,
    String specialistSubject,
    String status,
    LocalDate registeredOn,
    List<CycleFacts> cycles,
    long version,
    OffsetDateTime changedAt) {

  public static final String TOPIC = "deemedattendance.registration.v1";
  public static final String SCHEMA = "deemedattendance.registration.v1";
  public static final String TYPE = "jp.riss.deemedattendance.registration-changed";

  public record CycleFacts(
      LocalDate startsOn,
      LocalDate expiresOn,
      LocalDate renewalDueOn,
      List<RequirementFacts> requirements) {}

  /** One requirement kind of a cycle; done when every period is. */
  public record RequirementFacts(
      String kind, boolean substitutable, boolean done, List<PeriodFacts> periods) {}

  /**
   * One period of a requirement.
   *
   * @param fulfilledBy COURSE or DEEMED_ATTENDANCE when done, else null
   * @param applicationId the approved application that covers it (DEEMED_ATTENDANCE only)
   * @param completedOn the course completion date (COURSE only)
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
}
