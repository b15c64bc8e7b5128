package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.riss.platform.testing.DevJwtResource;
import org.junit.jupiter.api.Test;

/**
 * The page a certifier's link opens is served by the gateway, and what its script calls reaches
 * deemed attendance with the token in the header (the whole journey from the mail to a confirmation
 * runs in deploy's DeemedAttendanceE2EIT).
 */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class AttestationPageTest {

  private static final String TOKEN = "A".repeat(43);

  @Test
  void theLinkBaseServesThePageWithoutATokenAndItsScriptFromTheSameOrigin() {
    given()
        .get(AttestationPage.PATH)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .header("Content-Security-Policy", containsString("connect-src 'self'"))
        .header("Referrer-Policy", equalTo("no-referrer"))
        .body(containsString("<script src=\"" + AttestationPage.SCRIPT + "\"></script>"));
    given()
        .get(AttestationPage.SCRIPT)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/javascript"))
        .body(containsString("window.location.hash"))
        .body(containsString("'/api/v1/deemed-attendance/attestations/current'"))
        .body(containsString("'X-Attestation-Token'"));
  }

  @Test
  void theCallsOfThePageReachDeemedAttendanceWithTheTokenInTheHeader() {
    given()
        .header("X-Attestation-Token", TOKEN)
        .get("/api/v1/deemed-attendance/attestations/current")
        .then()
        .statusCode(200)
        .body("service", equalTo("deemed-attendance-service"))
        .body("path", equalTo("/api/v1/deemed-attendance/attestations/current"))
        .body("headers.x-attestation-token", equalTo(TOKEN));
    given()
        .header("X-Attestation-Token", TOKEN)
        .contentType("application/json")
        .body("{\"decision\":\"CONFIRMED\"}")
        .post("/api/v1/deemed-attendance/attestations/current")
        .then()
        .statusCode(200)
        .body("method", equalTo("POST"))
        .body("headers.x-attestation-token", equalTo(TOKEN));
  }

  @Test
  void otherPathsBesideThePageAreStillUnknown() {
    given().get(AttestationPage.PATH + "/other").then().statusCode(404);
  }
}
