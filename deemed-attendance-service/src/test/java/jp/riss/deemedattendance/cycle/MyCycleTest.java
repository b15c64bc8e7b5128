package jp.riss.deemedattendance.cycle;

import static jp.riss.deemedattendance.DeemedAttendanceApi.IMPORT_COMPLETIONS;
import static jp.riss.deemedattendance.DeemedAttendanceApi.IMPORT_CYCLES;
import static jp.riss.deemedattendance.DeemedAttendanceApi.ONLINE;
import static jp.riss.deemedattendance.DeemedAttendanceApi.PRACTICAL;
import static jp.riss.deemedattendance.DeemedAttendanceApi.completionRecord;
import static jp.riss.deemedattendance.DeemedAttendanceApi.cycleRecord;
import static jp.riss.deemedattendance.DeemedAttendanceApi.freshNumber;
import static jp.riss.deemedattendance.DeemedAttendanceApi.freshSubject;
import static jp.riss.deemedattendance.DeemedAttendanceApi.importRecords;
import static jp.riss.deemedattendance.DeemedAttendanceApi.myCycle;
import static jp.riss.deemedattendance.DeemedAttendanceApi.registered;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.riss.deemedattendance.TestClock;
import org.junit.jupiter.api.Test;

/** A specialist reads their own current cycle: the dates, what is done, what is missing. */
@QuarkusTest
class MyCycleTest {

  @Inject AgroalDataSource dataSource;

  /** The server's "today"; read from the answer so a test running over midnight stays right. */
  private static LocalDate asOf(JsonPath cycle) {
    LocalDate asOf = LocalDate.parse(cycle.getString("asOf"));
    LocalDate today = RenewalCalendar.today(TestClock.CLOCK);
    assertTrue(
        !asOf.isBefore(today.minusDays(1)) && !asOf.isAfter(today.plusDays(1)),
        "asOf is today in Japan");
    return asOf;
  }

  private static void complete(String number, LocalDate start, String kind, LocalDate on) {
    importRecords(
            IMPORT_COMPLETIONS, List.of(completionRecord(number, start, kind, kind + " " + on, on)))
        .statusCode(200)
        .body("rejected", equalTo(0));
  }

  @Test
  void inTheSecondYearWithTheFirstOnlineCourseDone() {
    String subject = freshSubject();
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusDays(400);
    String number = registered(dataSource, subject, start);
    complete(number, start, ONLINE, start.plusDays(30));

    JsonPath cycle =
        myCycle(subject)
            .statusCode(200)
            .body("registrationNumber", equalTo(number))
            .body("startsOn", equalTo(start.toString()))
            .body("expiresOn", equalTo(RenewalCalendar.expiry(start).toString()))
            .body("renewalDueOn", equalTo(RenewalCalendar.renewalDue(start).toString()))
            .body("currentCycleYear", equalTo(2))
            .body("complete", equalTo(false))
            .body("requirements.kind", contains(ONLINE, PRACTICAL))
            // The yearly online course: year 1 done, year 2 open, year 3 not started.
            .body("requirements[0].per", equalTo("CYCLE_YEAR"))
            .body("requirements[0].required", equalTo(3))
            .body("requirements[0].completed", equalTo(1))
            .body("requirements[0].done", equalTo(false))
            .body("requirements[0].substitutable", equalTo(false))
            .body("requirements[0].coverableByDeemedAttendance", equalTo(false))
            .body("requirements[0].periods.number", contains(1, 2, 3))
            .body("requirements[0].periods.state", contains("DONE", "OPEN", "UPCOMING"))
            .body("requirements[0].periods[0].completedOn", equalTo(start.plusDays(30).toString()))
            .body(
                "requirements[0].periods[0].courseName", equalTo(ONLINE + " " + start.plusDays(30)))
            .body("requirements[0].periods[1].completedOn", nullValue())
            // The practical course: missing, and a deemed-attendance application could cover it.
            .body("requirements[1].per", equalTo("CYCLE"))
            .body("requirements[1].required", equalTo(1))
            .body("requirements[1].completed", equalTo(0))
            .body("requirements[1].done", equalTo(false))
            .body("requirements[1].substitutable", equalTo(true))
            .body("requirements[1].coverableByDeemedAttendance", equalTo(true))
            .body("requirements[1].periods.state", contains("OPEN"))
            .extract()
            .jsonPath();
    LocalDate asOf = asOf(cycle);
    LocalDate due = RenewalCalendar.renewalDue(start);
    assertEquals(ChronoUnit.DAYS.between(asOf, due), cycle.getLong("daysLeft"));
    // Year 2 runs to its anniversary; year 3 and the practical course are due at the renewal date.
    assertEquals(
        RenewalCalendar.cycleYearEnd(start, 2).toString(),
        cycle.getString("requirements[0].periods[1].dueOn"));
    assertEquals(due.toString(), cycle.getString("requirements[0].periods[2].dueOn"));
    assertEquals(due.toString(), cycle.getString("requirements[1].periods[0].dueOn"));
    assertEquals(
        RenewalCalendar.cycleYearStart(start, 3).toString(),
        cycle.getString("requirements[0].periods[2].startsOn"));
  }

  @Test
  void everythingDoneInTheThirdYear() {
    String subject = freshSubject();
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusDays(995);
    String number = registered(dataSource, subject, start);
    for (int year = 1; year <= 3; year++) {
      complete(number, start, ONLINE, RenewalCalendar.cycleYearStart(start, year).plusDays(10));
    }
    complete(number, start, PRACTICAL, start.plusDays(200));

    myCycle(subject)
        .statusCode(200)
        .body("currentCycleYear", equalTo(3))
        .body("complete", equalTo(true))
        .body("requirements.done", everyItem(equalTo(true)))
        .body("requirements.coverableByDeemedAttendance", everyItem(equalTo(false)))
        .body("requirements[0].completed", equalTo(3))
        .body("requirements[0].periods.state", contains("DONE", "DONE", "DONE"))
        .body("requirements[1].periods[0].completedOn", equalTo(start.plusDays(200).toString()));
  }

  @Test
  void pastTheDueDateNothingMissingCanBeCoveredAnyMore() {
    String subject = freshSubject();
    // About 30 days before the expiry: the renewal due date (expiry - 60) has passed.
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusDays(1065);
    String number = registered(dataSource, subject, start);
    complete(number, start, ONLINE, start.plusDays(5));

    JsonPath cycle =
        myCycle(subject)
            .statusCode(200)
            .body("currentCycleYear", equalTo(3))
            .body("requirements[0].periods.state", contains("DONE", "MISSED", "MISSED"))
            .body("requirements[1].substitutable", equalTo(true))
            .body("requirements[1].coverableByDeemedAttendance", equalTo(false))
            .body("requirements[1].periods.state", contains("MISSED"))
            .extract()
            .jsonPath();
    assertTrue(cycle.getLong("daysLeft") < 0, "the due date has passed");
    assertEquals(number, cycle.getString("registrationNumber"));
  }

  @Test
  void anExpiredCycleWithoutRenewalStaysCurrent() {
    String subject = freshSubject();
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusDays(1200);
    registered(dataSource, subject, start);

    myCycle(subject)
        .statusCode(200)
        .body("startsOn", equalTo(start.toString()))
        .body("currentCycleYear", nullValue())
        .body("complete", equalTo(false))
        .body("requirements[0].periods.state", contains("MISSED", "MISSED", "MISSED"))
        .body("requirements[1].coverableByDeemedAttendance", equalTo(false));
  }

  @Test
  void afterARenewalTheNewCycleIsCurrent() {
    String subject = freshSubject();
    LocalDate first = RenewalCalendar.today(TestClock.CLOCK).minusDays(1200);
    String number = registered(dataSource, subject, first);
    LocalDate second = RenewalCalendar.expiry(first).plusDays(1);
    importRecords(IMPORT_CYCLES, List.of(cycleRecord(number, subject, second)))
        .statusCode(200)
        .body("created", equalTo(1));

    myCycle(subject)
        .statusCode(200)
        .body("startsOn", equalTo(second.toString()))
        .body("currentCycleYear", equalTo(1))
        .body("requirements[0].periods.state", contains("OPEN", "UPCOMING", "UPCOMING"));
  }

  @Test
  void noCycleIsA404Problem() {
    myCycle(freshSubject())
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/not-found"));
  }

  @Test
  void aCycleThatHasNotStartedIsNotCurrent() {
    String subject = freshSubject();
    String number = freshNumber(dataSource);
    importRecords(
            IMPORT_CYCLES,
            List.of(
                cycleRecord(number, subject, RenewalCalendar.today(TestClock.CLOCK).plusDays(30))))
        .statusCode(200)
        .body("created", equalTo(1));

    myCycle(subject).statusCode(404).contentType("application/problem+json");
  }
}
