package jp.riss.deemedattendance.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;

/**
 * The date rules of a registration cycle, in one place.
 *
 * <ul>
 *   <li><b>Expiry.</b> Registration is valid 3 years (seed line 1457; law art. 15(2)). A cycle
 *       starts on the registration or renewal date and that day counts (the registration is in
 *       force from its first moment, 民法第140条ただし書). Per 民法第143条第2項 the period ends on the day before
 *       the date that corresponds to the start 3 years later: 2024-04-01 → 2027-03-31. When that
 *       year has no corresponding day (a 29 February start into a common year) the period ends on
 *       the last day of that month: 2024-02-29 → 2027-02-28.
 *   <li><b>Renewal due date.</b> 施行規則第19条の2 (seed line 1432): the renewal application, with the
 *       courses completed, is due 「更新の期限の日の六十日前までに」: the expiry minus 60 calendar days (2027-03-31
 *       → 2027-01-30).
 *   <li><b>Cycle years.</b> Year n (1–3) runs from the start of the cycle's n-th year to the end of
 *       a period of n years by the same rule, so year 3 ends on the expiry and the years tile the
 *       cycle with neither gap nor overlap (2024-02-29: year 1 ends 2025-02-28, year 2 starts
 *       2025-03-01).
 *   <li><b>Today</b> is the date in Japan ({@link #ZONE}), where the deadlines are legal dates.
 * </ul>
 */
public final class RenewalCalendar {

  /** Years a registration (one cycle) is valid. */
  public static final int CYCLE_YEARS = 3;

  /** Days before the expiry by which the renewal application is due. */
  public static final int RENEWAL_DUE_DAYS_BEFORE_EXPIRY = 60;

  /** Where the deadlines are: dates are Japanese calendar dates. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  private RenewalCalendar() {}

  /** Today in Japan by {@code clock} (the service's injected clock, which tests may move). */
  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  /** The last day of a period of {@code years} years whose first day is {@code start}. */
  public static LocalDate endOfYears(LocalDate start, int years) {
    if (years < 1) {
      throw new IllegalArgumentException("years must be at least 1");
    }
    LocalDate corresponding = start.plusYears(years);
    // plusYears clamps 29 Feb into a common year to 28 Feb, the last day of the month: that is the
    // month-end rule of 民法第143条第2項ただし書 already. Otherwise: the day before.
    return corresponding.getDayOfMonth() == start.getDayOfMonth()
        ? corresponding.minusDays(1)
        : corresponding;
  }

  /** The last day the registration is valid (更新の期限の日). */
  public static LocalDate expiry(LocalDate start) {
    return endOfYears(start, CYCLE_YEARS);
  }

  /** The last day the renewal application (with the courses completed) may be submitted. */
  public static LocalDate renewalDue(LocalDate start) {
    return expiry(start).minusDays(RENEWAL_DUE_DAYS_BEFORE_EXPIRY);
  }

  /** The first day of cycle year {@code year} (1–3). */
  public static LocalDate cycleYearStart(LocalDate start, int year) {
    checkYear(year);
    return year == 1 ? start : endOfYears(start, year - 1).plusDays(1);
  }

  /** The last day of cycle year {@code year} (1–3); year 3 ends on the expiry. */
  public static LocalDate cycleYearEnd(LocalDate start, int year) {
    checkYear(year);
    return endOfYears(start, year);
  }

  /** The cycle year (1–3) {@code day} falls in, or empty when it is outside the cycle. */
  public static OptionalInt cycleYearOf(LocalDate start, LocalDate day) {
    for (int year = 1; year <= CYCLE_YEARS; year++) {
      if (!day.isBefore(cycleYearStart(start, year)) && !day.isAfter(cycleYearEnd(start, year))) {
        return OptionalInt.of(year);
      }
    }
    return OptionalInt.empty();
  }

  /** Whole days from {@code from} to {@code to}: 0 on the day itself, negative once it passed. */
  public static long daysUntil(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to);
  }

  private static void checkYear(int year) {
    if (year < 1 || year > CYCLE_YEARS) {
      throw new IllegalArgumentException("cycle year must be 1 to " + CYCLE_YEARS);
    }
  }
}
