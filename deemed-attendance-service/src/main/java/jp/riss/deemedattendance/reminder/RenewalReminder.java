package jp.riss.deemedattendance.reminder;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code jp.riss.deemedattendance.renewal-reminder} (topic {@code
 * deemedattendance.reminder.v1}, key the cycle id): what a specialist's renewal still needs, for
 * whoever notifies them (schema {@code events/deemedattendance.reminder.v1.schema.json}).
 *
 * @param threshold the days-before-due-date threshold of a scheduled reminder; null when a
 *     rejection triggered it
 * @param advice TAKE_COURSE when too little time is left for an application (or it was just
 *     rejected too late for another); APPLY_OR_TAKE_COURSE when practical work could still count
 */
public record RenewalReminder(
    UUID cycleId,
    String registrationNumber,
    LocalDate cycleStart,
    LocalDate cycleExpiry,
    LocalDate renewalDueOn,
    LocalDate asOf,
    long daysLeft,
    Integer threshold,
    String trigger,
    List<Missing> missing,
    String advice,
    UUID applicationId) {

  public static final String TOPIC = "deemedattendance.reminder.v1";
  public static final String SCHEMA = "deemedattendance.reminder.v1";
  public static final String TYPE = "jp.riss.deemedattendance.renewal-reminder";

  /** A requirement still missing: which periods (cycle years, or 1 for the cycle). */
  public record Missing(
      String requirementKind,
      String name,
      List<Integer> periods,
      boolean coverableByDeemedAttendance) {}
}
