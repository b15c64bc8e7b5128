package jp.riss.deemedattendance.cycle;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.CYCLES;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;
import static jp.riss.deemedattendance.DeemedAttendanceApi.cycleOf;
import static jp.riss.deemedattendance.DeemedAttendanceApi.freshNumber;
import static jp.riss.deemedattendance.DeemedAttendanceApi.freshSubject;
import static jp.riss.deemedattendance.DeemedAttendanceApi.myCycle;
import static jp.riss.deemedattendance.DeemedAttendanceApi.registered;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import jp.riss.deemedattendance.TestClock;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Object-level rules: a specialist sees only their own cycle, and another specialist's number looks
 * exactly like a number nobody has; IPA reviewers and administrators read anyone's.
 */
@QuarkusTest
class CycleAccessTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void aSpecialistReadsTheirOwnByNumberButNobodyElses() {
    String alice = freshSubject();
    String bob = freshSubject();
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusDays(100);
    String aliceNumber = registered(dataSource, alice, start);
    String bobNumber = registered(dataSource, bob, start);

    cycleOf(aliceNumber, "specialist", alice)
        .statusCode(200)
        .body("registrationNumber", equalTo(aliceNumber));
    String probed =
        cycleOf(aliceNumber, "specialist", bob)
            .statusCode(404)
            .contentType("application/problem+json")
            .body("type", equalTo("https://riss.example/problems/not-found"))
            .extract()
            .path("detail");
    String unknown = freshNumber(dataSource);
    String nobodys = cycleOf(unknown, "specialist", bob).statusCode(404).extract().path("detail");
    // The same answer as for a number nobody has, but for the number itself.
    assertEquals(
        nobodys.replace(unknown, aliceNumber), probed, "indistinguishable from a free number");
    // Bob's own view still shows only Bob.
    myCycle(bob).statusCode(200).body("registrationNumber", equalTo(bobNumber));
  }

  @ParameterizedTest(name = "{0} reads anyone's cycle")
  @ValueSource(strings = {"ipa-reviewer", "ipa-admin"})
  void ipaReadsAnyonesCycle(String role) {
    String subject = freshSubject();
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusDays(10);
    String number = registered(dataSource, subject, start);

    cycleOf(number, role, "ipa-staff-1")
        .statusCode(200)
        .body("registrationNumber", equalTo(number))
        .body("startsOn", equalTo(start.toString()))
        .body("requirements.kind", contains("online-course", "practical-course"))
        // The specialist's account id is never part of the answer.
        .body(not(containsString(subject)));
    cycleOf(freshNumber(dataSource), role, "ipa-staff-1")
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void theOwnViewNeverShowsTheAccount() {
    String subject = freshSubject();
    registered(dataSource, subject, RenewalCalendar.today(TestClock.CLOCK).minusDays(10));
    myCycle(subject).statusCode(200).body(not(containsString(subject)));
  }

  @ParameterizedTest(name = "registration number {0} is 400")
  @ValueSource(strings = {"12345", "1234567", "abcdef", "12-456", "１２３４５６"})
  void malformedNumbersAreNamed(String number) {
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("ipa-reviewer", "ipa-staff-1"))
        .get(CYCLES + "/" + number)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("registrationNumber"));
  }
}
