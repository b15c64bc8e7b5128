package jp.riss.deemedattendance.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cycle's date rules. Expected dates are worked out by hand from the rules (民法第140条ただし書 and
 * 第143条第2項 for the 3-year validity; 施行規則第19条の2 for "60 days before"), not by the code under test.
 */
class RenewalCalendarTest {

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @ParameterizedTest(name = "start {0}: expires {1}, renewal due {2}")
  @CsvSource({
    // The usual registration dates (1 April, 1 October).
    "2024-04-01, 2027-03-31, 2027-01-30",
    "2024-10-01, 2027-09-30, 2027-08-01",
    // Due date counted back across 29 February of a leap year.
    "2025-04-01, 2028-03-31, 2028-01-31",
    // 29 February start: no 29 February 3 years later, so the period ends on that month's last day.
    "2024-02-29, 2027-02-28, 2026-12-30",
    "2020-02-29, 2023-02-28, 2022-12-30",
    "2028-02-29, 2031-02-28, 2030-12-30",
    // 1 March start ends on the day before, which is 29 February when the end year is a leap year.
    "2024-03-01, 2027-02-28, 2026-12-30",
    "2025-03-01, 2028-02-29, 2027-12-31",
    "2023-03-01, 2026-02-28, 2025-12-30",
    // Year boundaries: expiry on 31 December, and a due date in the previous year.
    "2024-01-01, 2026-12-31, 2026-11-01",
    "2024-12-31, 2027-12-30, 2027-10-31",
    // Month ends: 31st starts, and due dates landing in shorter months.
    "2024-05-31, 2027-05-30, 2027-03-31",
    "2024-03-31, 2027-03-30, 2027-01-29",
    "2024-05-01, 2027-04-30, 2027-03-01",
    // The due date itself falls on 29 February, or on 28 February in a common year.
    "2025-04-30, 2028-04-29, 2028-02-29",
    "2024-04-30, 2027-04-29, 2027-02-28",
  })
  void expiryAndRenewalDueDate(String start, String expiry, String due) {
    assertEquals(d(expiry), RenewalCalendar.expiry(d(start)), "expiry");
    assertEquals(d(due), RenewalCalendar.renewalDue(d(start)), "renewal due");
  }

  @Test
  void everyStartDayOfSevenYearsFollowsTheRules() {
    for (LocalDate start = d("2023-01-01");
        start.isBefore(d("2030-01-01"));
        start = start.plusDays(1)) {
      LocalDate expiry = RenewalCalendar.expiry(start);
      // The day after the expiry corresponds to the start 3 years later, or is 1 March when the
      // start is 29 February and that year has none.
      MonthDay day = MonthDay.from(start);
      int year = start.getYear() + 3;
      LocalDate corresponding = day.isValidYear(year) ? day.atYear(year) : LocalDate.of(year, 3, 1);
      assertEquals(corresponding, expiry.plusDays(1), "expiry of " + start);
      long length = ChronoUnit.DAYS.between(start, expiry) + 1;
      assertTrue(length >= 1095 && length <= 1096, start + " lasts " + length + " days");
      assertEquals(60, ChronoUnit.DAYS.between(RenewalCalendar.renewalDue(start), expiry));
      // The three cycle years tile the cycle: no gap, no overlap, year 3 ends on the expiry.
      assertEquals(start, RenewalCalendar.cycleYearStart(start, 1));
      for (int n = 1; n < 3; n++) {
        assertEquals(
            RenewalCalendar.cycleYearEnd(start, n).plusDays(1),
            RenewalCalendar.cycleYearStart(start, n + 1),
            "year " + n + " of " + start);
      }
      assertEquals(expiry, RenewalCalendar.cycleYearEnd(start, 3));
    }
  }

  @Test
  void cycleYearsOfARegularStart() {
    LocalDate start = d("2024-04-01");
    assertEquals(d("2025-03-31"), RenewalCalendar.cycleYearEnd(start, 1));
    assertEquals(d("2025-04-01"), RenewalCalendar.cycleYearStart(start, 2));
    assertEquals(d("2026-03-31"), RenewalCalendar.cycleYearEnd(start, 2));
    assertEquals(d("2026-04-01"), RenewalCalendar.cycleYearStart(start, 3));
    assertEquals(d("2027-03-31"), RenewalCalendar.cycleYearEnd(start, 3));
  }

  @Test
  void cycleYearsOfALeapDayStart() {
    LocalDate start = d("2024-02-29");
    assertEquals(d("2025-02-28"), RenewalCalendar.cycleYearEnd(start, 1));
    assertEquals(d("2025-03-01"), RenewalCalendar.cycleYearStart(start, 2));
    assertEquals(d("2026-02-28"), RenewalCalendar.cycleYearEnd(start, 2));
    assertEquals(d("2026-03-01"), RenewalCalendar.cycleYearStart(start, 3));
    assertEquals(d("2027-02-28"), RenewalCalendar.cycleYearEnd(start, 3));
  }

  @Test
  void cycleYearsContainingALeapDay() {
    LocalDate start = d("2023-03-01");
    assertEquals(d("2024-02-29"), RenewalCalendar.cycleYearEnd(start, 1));
    assertEquals(d("2024-03-01"), RenewalCalendar.cycleYearStart(start, 2));
    assertEquals(d("2025-02-28"), RenewalCalendar.cycleYearEnd(start, 2));
  }

  @ParameterizedTest(name = "start {0}, day {1}: cycle year {2}")
  @CsvSource({
    "2024-02-29, 2024-02-28, 0",
    "2024-02-29, 2024-02-29, 1",
    "2024-02-29, 2025-02-28, 1",
    "2024-02-29, 2025-03-01, 2",
    "2024-02-29, 2026-02-28, 2",
    "2024-02-29, 2026-03-01, 3",
    "2024-02-29, 2027-02-28, 3",
    "2024-02-29, 2027-03-01, 0",
    "2024-04-01, 2025-03-31, 1",
    "2024-04-01, 2025-04-01, 2",
    "2024-04-01, 2026-12-31, 3",
    "2024-04-01, 2027-01-01, 3",
    "2024-04-01, 2027-03-31, 3",
    "2024-04-01, 2027-04-01, 0",
    "2024-12-31, 2025-12-30, 1",
    "2024-12-31, 2025-12-31, 2",
  })
  void cycleYearOfADay(String start, String day, int year) {
    OptionalInt expected = year == 0 ? OptionalInt.empty() : OptionalInt.of(year);
    assertEquals(expected, RenewalCalendar.cycleYearOf(d(start), d(day)));
  }

  @Test
  void daysUntilIsZeroOnTheDayAndNegativeAfter() {
    LocalDate due = d("2028-02-29");
    assertEquals(0, RenewalCalendar.daysUntil(due, due));
    assertEquals(1, RenewalCalendar.daysUntil(d("2028-02-28"), due));
    assertEquals(-1, RenewalCalendar.daysUntil(d("2028-03-01"), due));
    assertEquals(366, RenewalCalendar.daysUntil(d("2027-02-28"), due));
    assertEquals(2, RenewalCalendar.daysUntil(d("2027-12-31"), d("2028-01-02")));
  }

  @Test
  void cycleYearsOutsideOneToThreeAreRefused() {
    LocalDate start = d("2024-04-01");
    assertThrows(IllegalArgumentException.class, () -> RenewalCalendar.cycleYearStart(start, 0));
    assertThrows(IllegalArgumentException.class, () -> RenewalCalendar.cycleYearEnd(start, 4));
    assertThrows(IllegalArgumentException.class, () -> RenewalCalendar.endOfYears(start, 0));
  }

  @Test
  void longerPeriodsFromALeapDayLandOnTheLeapDayBefore() {
    // 4 years from 2024-02-29 has a corresponding day (2028-02-29): the period ends the day before.
    assertEquals(d("2028-02-28"), RenewalCalendar.endOfYears(d("2024-02-29"), 4));
    assertEquals(d("2025-02-28"), RenewalCalendar.endOfYears(d("2024-02-29"), 1));
  }
}
