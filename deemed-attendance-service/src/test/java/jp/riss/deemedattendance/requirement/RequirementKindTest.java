package jp.riss.deemedattendance.requirement;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.KINDS;
import static jp.riss.deemedattendance.DeemedAttendanceApi.ONLINE;
import static jp.riss.deemedattendance.DeemedAttendanceApi.PRACTICAL;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;
import static jp.riss.deemedattendance.DeemedAttendanceApi.freshSubject;
import static jp.riss.deemedattendance.DeemedAttendanceApi.myCycle;
import static jp.riss.deemedattendance.DeemedAttendanceApi.registered;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import jp.riss.deemedattendance.TestClock;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requirements are data: the migration's defaults, and administrators changing them. */
@QuarkusTest
class RequirementKindTest {

  @Inject AgroalDataSource dataSource;

  private static RequestSpecification checked() {
    return given().filter(Contracts.validator());
  }

  static String etagOf(String code) {
    return checked().get(KINDS + "/" + code).then().statusCode(200).extract().header("ETag");
  }

  private static ValidatableResponse put(String code, String ifMatch, Object body) {
    RequestSpecification request =
        // Leaving out the If-Match the contract requires is one of the cases sent on purpose.
        (ifMatch == null ? given().filter(Contracts.responseValidator()) : checked())
            .header("Authorization", bearer("ipa-admin", "ipa-admin-1"))
            .contentType(ContentType.JSON)
            .body(body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.put(KINDS + "/" + code).then();
  }

  /** Other tests expect the migration's defaults: put them back whatever happened here. */
  @AfterEach
  void restoreDefaults() {
    put(PRACTICAL, etagOf(PRACTICAL), Map.of("substitutable", true)).statusCode(200);
  }

  @Test
  void theDefaultsFromTheMigration() {
    checked()
        .get(KINDS)
        .then()
        .statusCode(200)
        .body("items.code", contains(ONLINE, PRACTICAL))
        .body("items.name", contains("オンライン講習", "実践講習又は特定講習"))
        .body("items.per", contains("CYCLE_YEAR", "CYCLE"))
        .body("items.requiredPerCycle", contains(3, 1))
        .body("items.dutiesAndEthics", contains(true, false))
        .body("items.substitutable", contains(false, true));
    checked()
        .get(KINDS + "/" + PRACTICAL)
        .then()
        .statusCode(200)
        .header("ETag", org.hamcrest.Matchers.matchesPattern("\"[0-9]+\""))
        .body("code", equalTo(PRACTICAL));
  }

  @Test
  void anAdminTogglesSubstitutabilityAndCyclesReflectIt() {
    String subject = freshSubject();
    registered(dataSource, subject, RenewalCalendar.today(TestClock.CLOCK).minusDays(100));
    myCycle(subject)
        .statusCode(200)
        .body("requirements[1].coverableByDeemedAttendance", equalTo(true));

    String etag = etagOf(PRACTICAL);
    String next =
        put(PRACTICAL, etag, Map.of("substitutable", false))
            .statusCode(200)
            .body("substitutable", equalTo(false))
            .extract()
            .header("ETag");
    assertNotEquals(etag, next, "each change is a new version");
    myCycle(subject)
        .statusCode(200)
        .body("requirements[1].substitutable", equalTo(false))
        .body("requirements[1].coverableByDeemedAttendance", equalTo(false));

    put(PRACTICAL, next, Map.of("substitutable", true)).statusCode(200);
    myCycle(subject)
        .statusCode(200)
        .body("requirements[1].substitutable", equalTo(true))
        .body("requirements[1].coverableByDeemedAttendance", equalTo(true));
  }

  @Test
  void withoutIfMatchTheAnswerIs428() {
    put(PRACTICAL, null, Map.of("substitutable", false))
        .statusCode(428)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("If-Match"));
    checked().get(KINDS + "/" + PRACTICAL).then().body("substitutable", equalTo(true));
  }

  @Test
  void aStaleETagIs412AndNothingChanges() {
    String stale = etagOf(PRACTICAL);
    String current = put(PRACTICAL, stale, Map.of("substitutable", true)).extract().header("ETag");
    put(PRACTICAL, stale, Map.of("substitutable", false))
        .statusCode(412)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/precondition-failed"))
        .body("currentETag", equalTo(current));
    checked().get(KINDS + "/" + PRACTICAL).then().body("substitutable", equalTo(true));
  }

  @Test
  void theDutiesAndEthicsCourseCanNeverBeSubstitutable() {
    String etag = etagOf(ONLINE);
    put(ONLINE, etag, Map.of("substitutable", true))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/requirement-not-substitutable"))
        .body("violations.field", contains("substitutable"));
    checked()
        .get(KINDS + "/" + ONLINE)
        .then()
        .body("substitutable", equalTo(false))
        .header("ETag", equalTo(etag));
  }

  @Test
  void unknownKindIs404() {
    put("ethics-course", "\"0\"", Map.of("substitutable", true))
        .statusCode(404)
        .contentType("application/problem+json");
    checked().get(KINDS + "/ethics-course").then().statusCode(404);
  }

  @ParameterizedTest(name = "body {0} is 400")
  @ValueSource(
      strings = {
        "{}",
        "{\"substitutable\":\"yes\"}",
        "{\"substitutable\":null}",
        "{\"substitutable\":true,\"dutiesAndEthics\":false}",
        "[true]"
      })
  void badBodiesAreNamedAndChangeNothing(String json) {
    String etag = etagOf(PRACTICAL);
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("ipa-admin", "ipa-admin-1"))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(json)
        .put(KINDS + "/" + PRACTICAL)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    checked().get(KINDS + "/" + PRACTICAL).then().header("ETag", equalTo(etag));
  }

  @ParameterizedTest(name = "code {0} is 400")
  @ValueSource(strings = {"Practical-Course", "practical_course", "-x", "x--y", "実践講習"})
  void malformedCodesAreNamed(String code) {
    given()
        .filter(Contracts.responseValidator())
        .get(KINDS + "/" + code)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", contains("code"));
  }
}
