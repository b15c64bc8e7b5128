package jp.riss.guide.plan;

import static io.restassured.RestAssured.given;
import static jp.riss.guide.organisation.Orgs.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import jp.riss.guide.diagnosis.Answers;
import jp.riss.guide.organisation.Orgs;
import jp.riss.platform.testing.Management;
import jp.riss.platform.time.ClockControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service as the local stack runs it ({@code riss.clock.movable=true}, no clock of the tests'
 * own): the platform's clock is movable through {@code /q/clock} on the management port, and what
 * time decides here follows it. Without the flag the route does not exist (ServiceSurfaceTest).
 */
@QuarkusTest
@TestProfile(MovableClockControlTest.Movable.class)
class MovableClockControlTest {

  /** The local stack's setting. */
  public static class Movable implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(ClockControl.FLAG, "true");
    }
  }

  @TestHTTPResource(value = "/", management = true)
  URL management;

  @AfterEach
  void backToRealTime() {
    given().baseUri(Management.base(management)).delete("/q/clock").then().statusCode(200);
  }

  @Test
  void aYearLaterOnTheServicesClockItsLatestDiagnosisIsDueForReDiagnosis() {
    String c = "co-" + UUID.randomUUID().toString().substring(0, 8);
    String org = Orgs.create(c, 1, 0);
    JsonPath first = Answers.all("yes").submit(c, org);
    // Timestamps come from the platform clock: Japan time.
    assertTrue(first.getString("completedAt").endsWith("+09:00"), first.getString("completedAt"));
    LocalDate dueOn =
        LocalDate.parse(
            as("company", c)
                .get(Orgs.PATH + "/" + org + "/history")
                .then()
                .statusCode(200)
                .extract()
                .path("rediagnosisDueOn"));
    String run = "/api/v1/guide/rediagnosis-reminders/run";
    as("ipa-admin", "admin")
        .post(run)
        .then()
        .statusCode(200)
        .body("sent.organisationId", not(hasItem(org)));

    JsonPath moved =
        clock()
            .body("{\"advance\":\"P1Y\"}")
            .post("/q/clock")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    LocalDate today = OffsetDateTime.parse(moved.getString("now")).toLocalDate();
    assertEquals(dueOn, today, "a year on is the day re-diagnosis is due");
    clock().get("/q/clock").then().statusCode(200).body("offset", equalTo(moved.get("offset")));

    // The daily run, as the schedule calls it (no day given), now proposes re-diagnosis.
    as("ipa-admin", "admin")
        .post(run)
        .then()
        .statusCode(200)
        .body("today", equalTo(today.toString()))
        .body("sent.organisationId", hasItem(org));
    // A diagnosis made "a year later" carries the moved time.
    String second = Answers.all("yes").submit(c, org).getString("completedAt");
    assertEquals(today, OffsetDateTime.parse(second).toLocalDate());

    clock().delete("/q/clock").then().statusCode(200).body("offset", equalTo("PT0S"));
    assertEquals(
        LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).getYear(),
        OffsetDateTime.parse(clock().get("/q/clock").then().extract().path("now")).getYear());
  }

  @Test
  void anAmountThatIsNoPeriodOrTooFarIsA400NamingAdvance() {
    for (String body :
        new String[] {
          "{}",
          "{\"advance\":\"a year\"}",
          "{\"advance\":12}",
          "{\"advance\":\"P101Y\"}",
          "{\"advance\":\"-P101Y\"}",
          "{\"advance\":\"P9999999999Y\"}"
        }) {
      clock()
          .body(body)
          .post("/q/clock")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("violations.field", hasItem("advance"));
    }
    clock()
        .body("not json")
        .post("/q/clock")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    // At most 40 characters, whatever they say.
    clock()
        .body("{\"advance\":\"P" + "0".repeat(40) + "1D\"}")
        .post("/q/clock")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("advance"));
    // Nothing of that moved the clock.
    clock().get("/q/clock").then().statusCode(200).body("offset", equalTo("PT0S"));
  }

  @Test
  void theControlIsOnTheManagementPortOnly() {
    given().get("/q/clock").then().statusCode(404);
    given()
        .contentType("application/json")
        .body("{\"advance\":\"P1D\"}")
        .post("/q/clock")
        .then()
        .statusCode(404);
    clock()
        .body("{\"advance\":\"PT2H\"}")
        .post("/q/clock")
        .then()
        .statusCode(200)
        .body("offset", equalTo("PT2H"));
  }

  private io.restassured.specification.RequestSpecification clock() {
    return given().baseUri(Management.base(management)).contentType("application/json");
  }
}
