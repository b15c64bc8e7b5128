package jp.riss.deemedattendance.cycle;

import java.time.LocalDate;
import java.util.List;
import jp.riss.deemedattendance.requirement.Per;

/**
 * A specialist's current cycle as the specialist (or IPA) sees it: the dates, what is done and what
 * is missing, and whether a deemed-attendance application could cover a gap. Nothing about the
 * specialist's account, nothing about anyone else.
 */
public record CycleStatus(
    String registrationNumber,
    LocalDate startsOn,
    LocalDate expiresOn,
    LocalDate renewalDueOn,
    LocalDate asOf,
    long daysLeft,
    Integer currentCycleYear,
    boolean complete,
    List<RequirementStatus> requirements) {

  /** One requirement kind in this cycle. */
  public record RequirementStatus(
      String kind,
      String name,
      Per per,
      int required,
      int completed,
      boolean done,
      boolean substitutable,
      boolean coverableByDeemedAttendance,
      List<PeriodStatus> periods) {}

  /**
   * One slot of a requirement: a cycle year (per CYCLE_YEAR) or the whole cycle (per CYCLE). Due by
   * the end of the period or the renewal due date, whichever is first.
   */
  public record PeriodStatus(
      int number,
      LocalDate startsOn,
      LocalDate endsOn,
      LocalDate dueOn,
      PeriodState state,
      FulfilledBy fulfilledBy,
      String courseName,
      LocalDate completedOn,
      java.util.UUID applicationId) {}

  /**
   * What fulfils a DONE period: a course completion IPA reported, or an APPROVED (and not revoked)
   * deemed-attendance application of the cycle for the requirement kind.
   */
  public enum FulfilledBy {
    COURSE,
    DEEMED_ATTENDANCE
  }

  public enum PeriodState {
    /** A completion is recorded, or an approved application covers it (see fulfilledBy). */
    DONE,
    /** Not done yet, and still possible: the period has started and is not past due. */
    OPEN,
    /** Not done, and past due. */
    MISSED,
    /** The period has not started. */
    UPCOMING
  }
}
