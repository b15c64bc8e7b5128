package jp.riss.deemedattendance.imports;

import static jp.riss.deemedattendance.DeemedAttendanceApi.IMPORT_COMPLETIONS;
import static jp.riss.deemedattendance.DeemedAttendanceApi.IMPORT_CYCLES;
import static jp.riss.deemedattendance.DeemedAttendanceApi.ONLINE;
import static jp.riss.deemedattendance.DeemedAttendanceApi.PRACTICAL;
import static jp.riss.deemedattendance.DeemedAttendanceApi.completionRecord;
import static jp.riss.deemedattendance.DeemedAttendanceApi.cycleOf;
import static jp.riss.deemedattendance.DeemedAttendanceApi.cycleRecord;
import static jp.riss.deemedattendance.DeemedAttendanceApi.freshNumber;
import static jp.riss.deemedattendance.DeemedAttendanceApi.freshSubject;
import static jp.riss.deemedattendance.DeemedAttendanceApi.importAnyRecords;
import static jp.riss.deemedattendance.DeemedAttendanceApi.importRecords;
import static jp.riss.deemedattendance.DeemedAttendanceApi.registered;
import static jp.riss.deemedattendance.DeemedAttendanceApi.storedRows;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.riss.deemedattendance.TestClock;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import org.junit.jupiter.api.Test;

/**
 * IPA's bulk imports: good records are stored, bad ones are reported by index and field and leave
 * nothing behind, and sending a batch again changes nothing.
 */
@QuarkusTest
class ImportTest {

  @Inject AgroalDataSource dataSource;

  private static Map<String, Object> with(Map<String, Object> record, String field, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(record);
    if (value == null) {
      changed.remove(field);
    } else {
      changed.put(field, value);
    }
    return changed;
  }

  @Test
  void cycleRecordsGoodAndBadInOneCall() {
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusDays(200);
    String first = freshNumber(dataSource);
    String second = freshNumber(dataSource);
    Map<String, Object> good = cycleRecord(first, freshSubject(), start);
    List<Object> records =
        Arrays.asList(
            good, // 0
            with(cycleRecord("12-45", freshSubject(), start), "x", null), // 1: number
            with(cycleRecord(freshNumber(dataSource), "s", start), "specialistSubject", null), // 2
            with(cycleRecord(freshNumber(dataSource), freshSubject(), start), "paidRank", 1), // 3
            cycleRecord(second, freshSubject(), start), // 4: good
            with(
                cycleRecord(freshNumber(dataSource), freshSubject(), start),
                "cycleStart",
                "2024-02-30"), // 5
            cycleRecord(freshNumber(dataSource), freshSubject(), LocalDate.of(2010, 4, 1)), // 6
            "not a record", // 7
            null, // 8
            with(
                cycleRecord(freshNumber(dataSource), freshSubject(), start),
                "registrationNumber",
                123456), // 9
            cycleRecord(
                freshNumber(dataSource),
                freshSubject(),
                RenewalCalendar.today(TestClock.CLOCK).plusDays(400)), // 10
            with(
                cycleRecord(freshNumber(dataSource), "  ", start), "x", null)); // 11: blank subject
    long before = storedRows(dataSource);

    importAnyRecords(IMPORT_CYCLES, records)
        .statusCode(200)
        .body("received", equalTo(12))
        .body("created", equalTo(2))
        .body("updated", equalTo(0))
        .body("unchanged", equalTo(0))
        .body("rejected", equalTo(10))
        .body("errors.index", contains(1, 2, 3, 5, 6, 7, 8, 9, 10, 11))
        .body(
            "errors.field",
            contains(
                "registrationNumber",
                "specialistSubject",
                "paidRank",
                "cycleStart",
                "cycleStart",
                "record",
                "record",
                "registrationNumber",
                "cycleStart",
                "specialistSubject"))
        .body("errors[0].message", equalTo("must be a string of 6 digits"))
        .body("errors[1].message", equalTo("is required"));

    // Two registrations and their two cycles, nothing else.
    assertEquals(before + 4, storedRows(dataSource));
    cycleOf(first, "ipa-reviewer", "r").statusCode(200).body("startsOn", equalTo(start.toString()));
    cycleOf(second, "ipa-reviewer", "r").statusCode(200);
  }

  @Test
  void sendingTheSameCyclesAgainChangesNothing() {
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusDays(30);
    List<Map<String, Object>> records =
        List.of(
            cycleRecord(freshNumber(dataSource), freshSubject(), start),
            cycleRecord(freshNumber(dataSource), freshSubject(), start.minusDays(1)));
    importRecords(IMPORT_CYCLES, records).statusCode(200).body("created", equalTo(2));
    long after = storedRows(dataSource);

    importRecords(IMPORT_CYCLES, records)
        .statusCode(200)
        .body("received", equalTo(2))
        .body("created", equalTo(0))
        .body("unchanged", equalTo(2))
        .body("rejected", equalTo(0))
        .body("errors", empty());
    assertEquals(after, storedRows(dataSource));
  }

  @Test
  void theSameRecordTwiceInOneBatchIsStoredOnce() {
    Map<String, Object> record =
        cycleRecord(
            freshNumber(dataSource), freshSubject(), RenewalCalendar.today(TestClock.CLOCK));
    long before = storedRows(dataSource);
    importRecords(IMPORT_CYCLES, List.of(record, record))
        .statusCode(200)
        .body("created", equalTo(1))
        .body("unchanged", equalTo(1));
    assertEquals(before + 2, storedRows(dataSource));
  }

  @Test
  void registrationsAndCyclesMustStayConsistent() {
    String subject = freshSubject();
    // Near the end of the cycle, so that the renewal starts less than a year ahead.
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusDays(1000);
    String number = registered(dataSource, subject, start);
    LocalDate renewal = RenewalCalendar.expiry(start).plusDays(1);
    long before = storedRows(dataSource);

    importRecords(
            IMPORT_CYCLES,
            List.of(
                // 0: the number belongs to another account
                cycleRecord(number, freshSubject(), start),
                // 1: the account already has another number
                cycleRecord(freshNumber(dataSource), subject, start),
                // 2: overlaps the existing cycle
                cycleRecord(number, subject, start.plusDays(1)),
                // 3: the renewal cycle, the day after the expiry: fine
                cycleRecord(number, subject, renewal),
                // 4: overlaps the renewal imported by record 3
                cycleRecord(number, subject, renewal.plusDays(10))))
        .statusCode(200)
        .body("created", equalTo(1))
        .body("rejected", equalTo(4))
        .body("errors.index", contains(0, 1, 2, 4))
        .body(
            "errors.field",
            contains("specialistSubject", "specialistSubject", "cycleStart", "cycleStart"))
        .body(
            "errors[2].message",
            equalTo("overlaps the cycle from " + start + " to " + RenewalCalendar.expiry(start)));
    assertEquals(before + 1, storedRows(dataSource));
  }

  /**
   * The contract's bounds of a record's fields, at and one past each (ContractBoundsTest skips
   * imports).
   */
  @Test
  void recordFieldsAreBoundedAsTheContractSays() {
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusDays(300);
    String longest = freshSubject() + "s".repeat(255 - freshSubject().length());
    importAnyRecords(
            IMPORT_CYCLES,
            List.of(
                cycleRecord(freshNumber(dataSource), longest, start),
                cycleRecord(freshNumber(dataSource), longest.substring(1) + "xy", start)))
        .statusCode(200)
        .body("created", equalTo(1))
        .body("errors.index", contains(1))
        .body("errors.field", contains("specialistSubject"));

    String subject = freshSubject();
    String number = registered(dataSource, subject, start);
    Map<String, Object> online =
        completionRecord(number, start, ONLINE, "講".repeat(200), start.plusDays(3));
    importAnyRecords(
            IMPORT_COMPLETIONS,
            List.of(
                online,
                with(online, "courseName", "講".repeat(201)),
                with(online, "requirementKind", "a".repeat(41))))
        .statusCode(200)
        .body("created", equalTo(1))
        .body("errors.index", contains(1, 2))
        .body("errors.field", contains("courseName", "requirementKind"));
  }

  @Test
  void completionRecordsGoodAndBadInOneCall() {
    String subject = freshSubject();
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusDays(400);
    String number = registered(dataSource, subject, start);
    LocalDate today = RenewalCalendar.today(TestClock.CLOCK);
    Map<String, Object> online =
        completionRecord(number, start, ONLINE, "オンライン講習", start.plusDays(3));
    Map<String, Object> practical =
        completionRecord(number, start, PRACTICAL, "実践講習A", start.plusDays(100));
    List<Object> records = new ArrayList<>();
    records.add(online); // 0: good
    records.add(with(online, "requirementKind", "ethics-course")); // 1
    records.add(with(online, "completedOn", today.plusDays(2).toString())); // 2: future
    records.add(with(online, "completedOn", start.minusDays(1).toString())); // 3: before the cycle
    records.add(with(online, "registrationNumber", freshNumber(dataSource))); // 4: unknown number
    records.add(with(online, "cycleStart", start.plusDays(1).toString())); // 5: no such cycle
    records.add(with(online, "courseName", " ")); // 6
    records.add(with(online, "completedOn", "3 April")); // 7
    records.add(practical); // 8: good
    records.add(with(practical, "courseName", null)); // 9: missing
    records.add(List.of(1, 2)); // 10: not an object
    long before = storedRows(dataSource);

    importAnyRecords(IMPORT_COMPLETIONS, records)
        .statusCode(200)
        .body("received", equalTo(11))
        .body("created", equalTo(2))
        .body("rejected", equalTo(9))
        .body("errors.index", contains(1, 2, 3, 4, 5, 6, 7, 9, 10))
        .body(
            "errors.field",
            contains(
                "requirementKind",
                "completedOn",
                "completedOn",
                "registrationNumber",
                "cycleStart",
                "courseName",
                "completedOn",
                "courseName",
                "record"));
    assertEquals(before + 2, storedRows(dataSource));
    cycleOf(number, "ipa-reviewer", "r")
        .statusCode(200)
        .body("requirements[0].periods.state", contains("DONE", "OPEN", "UPCOMING"))
        .body("requirements[1].done", equalTo(true))
        .body("requirements[1].periods[0].courseName", equalTo("実践講習A"));
  }

  @Test
  void sendingTheSameCompletionsAgainChangesNothing() {
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusDays(800);
    String number = registered(dataSource, freshSubject(), start);
    List<Map<String, Object>> records =
        List.of(
            completionRecord(number, start, ONLINE, "オンライン講習 1", start.plusDays(10)),
            completionRecord(
                number,
                start,
                ONLINE,
                "オンライン講習 2",
                RenewalCalendar.cycleYearStart(start, 2).plusDays(10)),
            completionRecord(number, start, PRACTICAL, "特定講習", start.plusDays(20)));
    importRecords(IMPORT_COMPLETIONS, records).statusCode(200).body("created", equalTo(3));
    long after = storedRows(dataSource);

    importRecords(IMPORT_COMPLETIONS, records)
        .statusCode(200)
        .body("created", equalTo(0))
        .body("updated", equalTo(0))
        .body("unchanged", equalTo(3))
        .body("rejected", equalTo(0));
    assertEquals(after, storedRows(dataSource));
    cycleOf(number, "ipa-admin", "a")
        .statusCode(200)
        .body("requirements[0].completed", equalTo(2))
        .body("requirements[0].periods.state", contains("DONE", "DONE", "OPEN"));
  }

  @Test
  void aSlotKeepsItsEarliestCompletionWhateverTheOrder() {
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusDays(300);
    String number = registered(dataSource, freshSubject(), start);
    Map<String, Object> later =
        completionRecord(number, start, PRACTICAL, "特定講習 B", start.plusDays(90));
    Map<String, Object> earlier =
        completionRecord(number, start, PRACTICAL, "実践講習 A", start.plusDays(40));

    importRecords(IMPORT_COMPLETIONS, List.of(later)).statusCode(200).body("created", equalTo(1));
    long after = storedRows(dataSource);
    importRecords(IMPORT_COMPLETIONS, List.of(earlier)).statusCode(200).body("updated", equalTo(1));
    importRecords(IMPORT_COMPLETIONS, List.of(later, earlier))
        .statusCode(200)
        .body("unchanged", equalTo(2));
    assertEquals(after, storedRows(dataSource), "one slot, one row");
    cycleOf(number, "ipa-reviewer", "r")
        .statusCode(200)
        .body("requirements[1].periods[0].completedOn", equalTo(start.plusDays(40).toString()))
        .body("requirements[1].periods[0].courseName", equalTo("実践講習 A"));
  }

  @Test
  void theOnlineCourseCountsForTheCycleYearItWasTakenIn() {
    // A leap-day start: year 1 ends on 28 February, year 2 starts on 1 March.
    LocalDate start = LocalDate.of(2024, 2, 29);
    String number = registered(dataSource, freshSubject(), start);
    importRecords(
            IMPORT_COMPLETIONS,
            List.of(
                completionRecord(number, start, ONLINE, "year 1", LocalDate.of(2025, 2, 28)),
                completionRecord(number, start, ONLINE, "year 2", LocalDate.of(2025, 3, 1))))
        .statusCode(200)
        .body("created", equalTo(2));
    cycleOf(number, "ipa-reviewer", "r")
        .statusCode(200)
        .body("expiresOn", equalTo("2027-02-28"))
        .body("renewalDueOn", equalTo("2026-12-30"))
        .body("requirements[0].periods.courseName", hasItems("year 1", "year 2"))
        .body("requirements[0].periods[0].endsOn", equalTo("2025-02-28"))
        .body("requirements[0].periods[0].completedOn", equalTo("2025-02-28"))
        .body("requirements[0].periods[1].startsOn", equalTo("2025-03-01"))
        .body("requirements[0].periods[1].completedOn", equalTo("2025-03-01"));
  }
}
