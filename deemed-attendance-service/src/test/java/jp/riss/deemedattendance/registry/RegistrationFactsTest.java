package jp.riss.deemedattendance.registry;

import static jp.riss.deemedattendance.DeemedAttendanceApi.IMPORT_COMPLETIONS;
import static jp.riss.deemedattendance.DeemedAttendanceApi.IMPORT_CYCLES;
import static jp.riss.deemedattendance.DeemedAttendanceApi.completionRecord;
import static jp.riss.deemedattendance.DeemedAttendanceApi.cycleRecord;
import static jp.riss.deemedattendance.DeemedAttendanceApi.importAnyRecords;
import static jp.riss.deemedattendance.DeemedAttendanceApi.importRecords;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.riss.deemedattendance.DeemedAttendanceApi;
import jp.riss.deemedattendance.TestClock;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.Test;

/**
 * This service is the one intake of IPA's registry: every registration an import creates or changes
 * (status, first registration date, a cycle, a course completion) is published, state-carrying and
 * versioned, as {@code deemedattendance.registration.v1}, valid against the schema beside it.
 */
@QuarkusTest
class RegistrationFactsTest {

  static final String TOPIC = RegistrationChanged.TOPIC;

  @Inject AgroalDataSource dataSource;

  private static Map<String, Object> record(
      String number, String subject, LocalDate start, String... more) {
    Map<String, Object> record = cycleRecord(number, subject, start);
    for (int i = 0; i < more.length; i += 2) {
      record.put(more[i], more[i + 1]);
    }
    return record;
  }

  private static JsonNode awaitVersion(EventLog log, String number, long version) {
    return log.awaitEvent(
        e ->
            number.equals(e.path("subject").asText())
                && e.path("data").path("version").asLong() == version,
        Duration.ofSeconds(30));
  }

  @Test
  void anImportedSuspensionAndACourseArePublishedWithTheBindingAndAHigherVersion() {
    String number = DeemedAttendanceApi.freshNumber(dataSource);
    String subject = DeemedAttendanceApi.freshSubject();
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusYears(1);
    try (EventLog log = new EventLog(KafkaResource.broker().bootstrapServers(), TOPIC)) {
      importRecords(
              IMPORT_CYCLES, List.of(record(number, subject, start, "registeredOn", "2019-10-01")))
          .statusCode(200)
          .body("created", equalTo(1));
      JsonNode first = awaitVersion(log, number, 1).path("data");
      assertEquals(subject, first.path("specialistSubject").asText());
      assertEquals("VALID", first.path("status").asText());
      assertEquals("2019-10-01", first.path("registeredOn").asText());
      JsonNode cycle = first.path("cycles").path(0);
      assertEquals(start.toString(), cycle.path("startsOn").asText());
      // The expiry is the owner's computation (RenewalCalendar), not a second one.
      assertEquals(RenewalCalendar.expiry(start).toString(), cycle.path("expiresOn").asText());
      assertEquals(
          RenewalCalendar.renewalDue(start).toString(), cycle.path("renewalDueOn").asText());

      // The same batch again changes nothing and publishes nothing new.
      importRecords(
              IMPORT_CYCLES, List.of(record(number, subject, start, "registeredOn", "2019-10-01")))
          .statusCode(200)
          .body("unchanged", equalTo(1));
      importRecords(
              IMPORT_CYCLES,
              List.of(record(number, subject, start, "registrationStatus", "SUSPENDED")))
          .statusCode(200)
          .body("updated", equalTo(1));
      JsonNode suspended = awaitVersion(log, number, 2).path("data");
      assertEquals("SUSPENDED", suspended.path("status").asText());
      assertEquals("2019-10-01", suspended.path("registeredOn").asText(), "kept when absent");

      LocalDate completedOn = RenewalCalendar.today(TestClock.CLOCK).minusDays(10);
      importRecords(
              IMPORT_COMPLETIONS,
              List.of(completionRecord(number, start, "practical-course", "実践講習A", completedOn)))
          .statusCode(200)
          .body("created", equalTo(1));
      JsonNode third = awaitVersion(log, number, 3).path("data");
      JsonNode period = null;
      for (JsonNode r : third.path("cycles").path(0).path("requirements")) {
        if (r.path("kind").asText().equals("practical-course")) {
          assertTrue(r.path("done").asBoolean());
          period = r.path("periods").path(0);
        }
      }
      assertEquals("COURSE", period.path("fulfilledBy").asText());
      assertEquals(completedOn.toString(), period.path("completedOn").asText());

      log.records().stream()
          .filter(r -> number.equals(r.key()))
          .forEach(r -> assertEquals(Set.of(), EventSchemas.violations(TOPIC, r.value())));
      assertEquals(3, log.records().stream().filter(r -> number.equals(r.key())).count());
    }
  }

  @Test
  void registryFieldsAreCheckedAndNamed() {
    String number = DeemedAttendanceApi.freshNumber(dataSource);
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusYears(1);
    importAnyRecords(
            IMPORT_CYCLES,
            List.of(
                record(
                    number,
                    DeemedAttendanceApi.freshSubject(),
                    start,
                    "registrationStatus",
                    "EXPIRED",
                    "registeredOn",
                    start.plusDays(1).toString())))
        .statusCode(200)
        .body("rejected", equalTo(1))
        .body("errors.field", org.hamcrest.Matchers.hasItems("registrationStatus", "registeredOn"));
  }
}
