package jp.riss.deemedattendance.reminder;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.BASE;
import static jp.riss.deemedattendance.DeemedAttendanceApi.IMPORT_COMPLETIONS;
import static jp.riss.deemedattendance.DeemedAttendanceApi.ONLINE;
import static jp.riss.deemedattendance.DeemedAttendanceApi.PRACTICAL;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;
import static jp.riss.deemedattendance.DeemedAttendanceApi.completionRecord;
import static jp.riss.deemedattendance.DeemedAttendanceApi.importRecords;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.riss.deemedattendance.Journeys;
import jp.riss.deemedattendance.Journeys.Specialist;
import jp.riss.deemedattendance.TestClock;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.Test;

/** Renewal reminders at 120, 90 and 75 days, each once, only while something is missing. */
@QuarkusTest
class ReminderTest {

  static final String RUN = BASE + "/reminders/run";
  static final String TOPIC = "deemedattendance.reminder.v1";

  @Inject AgroalDataSource dataSource;

  static JsonPath run(LocalDate today) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("ipa-admin", "admin-1"))
        .queryParam("today", today.toString())
        .post(RUN)
        .then()
        .statusCode(200)
        .body("today", equalTo(today.toString()))
        .extract()
        .jsonPath();
  }

  /** Our cycle's reminder in a run's answer, or null. */
  static Map<String, Object> ours(JsonPath run, String number) {
    return run.getMap("sent.find { it.registrationNumber == '" + number + "' }");
  }

  Specialist specialist() {
    return Journeys.specialist(dataSource, RenewalCalendar.today(TestClock.CLOCK).minusDays(400));
  }

  @Test
  void eachThresholdRemindsOnceWithWhatIsMissing() throws Exception {
    Specialist s = specialist();
    LocalDate due = RenewalCalendar.renewalDue(s.start());
    // The online course of the first year is done; the rest is missing.
    importRecords(
            IMPORT_COMPLETIONS,
            List.of(
                completionRecord(s.number(), s.start(), ONLINE, "オンライン講習", s.start().plusDays(30))))
        .statusCode(200);

    assertEquals(null, ours(run(due.minusDays(121)), s.number()), "not yet at 121 days");
    try (EventLog log = new EventLog(KafkaResource.broker().bootstrapServers(), TOPIC)) {
      Map<String, Object> first = ours(run(due.minusDays(120)), s.number());
      assertEquals(120, first.get("threshold"));
      assertEquals("SCHEDULE", first.get("trigger"));
      assertEquals("APPLY_OR_TAKE_COURSE", first.get("advice"));
      assertEquals(120, first.get("daysLeft"));
      JsonPath sent =
          JsonPath.from(
              new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(first));
      assertEquals(List.of(ONLINE, PRACTICAL), sent.getList("missing.requirementKind"));
      assertEquals(List.of(2, 3), sent.getList("missing[0].periods"));
      assertEquals(true, sent.getBoolean("missing[1].coverableByDeemedAttendance"));

      JsonNode event =
          log.awaitEvent(
              e ->
                  s.number().equals(e.path("data").path("registrationNumber").asText())
                      && e.path("data").path("threshold").asInt() == 120,
              Duration.ofSeconds(30));
      assertEquals("jp.riss.deemedattendance.renewal-reminder", event.path("type").asText());
      log.records().stream()
          .filter(r -> r.value().contains("\"" + s.number() + "\""))
          .forEach(
              r -> {
                assertEquals(event.path("subject").asText(), r.key(), "keyed by cycle");
                assertEquals(Set.of(), EventSchemas.violations(TOPIC, r.value()));
              });
    }
    // Same day again, and a later day before the next threshold: nothing more.
    assertEquals(null, ours(run(due.minusDays(120)), s.number()));
    assertEquals(null, ours(run(due.minusDays(100)), s.number()));
    assertEquals(90, ours(run(due.minusDays(90)), s.number()).get("threshold"));
    assertEquals(null, ours(run(due.minusDays(89)), s.number()));
    Map<String, Object> last = ours(run(due.minusDays(60)), s.number());
    assertEquals(75, last.get("threshold"));
    assertEquals("TAKE_COURSE", last.get("advice"), "fewer than 75 days left");
    assertEquals(null, ours(run(due.minusDays(10)), s.number()));
    assertEquals(null, ours(run(due.plusDays(1)), s.number()), "past the due date");
  }

  @Test
  void nothingMissingOrCoveredByAnApprovalRemindsNothing() {
    Specialist done = specialist();
    LocalDate start = done.start();
    importRecords(
            IMPORT_COMPLETIONS,
            List.of(
                completionRecord(done.number(), start, ONLINE, "オンライン講習", start.plusDays(30)),
                completionRecord(
                    done.number(),
                    start,
                    ONLINE,
                    "オンライン講習",
                    RenewalCalendar.cycleYearStart(start, 2).plusDays(1)),
                completionRecord(done.number(), start, PRACTICAL, "実践講習", start.plusDays(40))))
        .statusCode(200);
    // Year 3's online course is done in the future relative to the import; complete it directly.
    Journeys.execute(
        dataSource,
        "INSERT INTO course_completion (id, cycle_id, requirement_kind, period, course_name,"
            + " completed_on, recorded_at, updated_at) SELECT gen_random_uuid(), id, 'online-course',"
            + " 3, 'オンライン講習', ?, now(), now() FROM cycle WHERE registration_number = ?",
        RenewalCalendar.cycleYearStart(start, 3).plusDays(1),
        done.number());

    Specialist approved = specialist();
    String application = Journeys.submitted(approved, "EMPLOYER");
    Journeys.approve(application);
    LocalDate due = RenewalCalendar.renewalDue(start);
    JsonPath answer = run(due.minusDays(120));
    assertEquals(null, ours(answer, done.number()), "everything done");
    Map<String, Object> partly = ours(answer, approved.number());
    // The approval covers the practical course; only the online courses are left.
    assertTrue(partly != null, "online courses still missing");
    assertEquals(1, ((List<?>) partly.get("missing")).size());
    assertEquals("TAKE_COURSE", partly.get("advice"), "the online course can't be substituted");
  }

  @Test
  void aBadDayIsNamed() {
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("ipa-admin", "admin-1"))
        .queryParam("today", "2026-02-30")
        .post(RUN)
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("today"));
  }
}
