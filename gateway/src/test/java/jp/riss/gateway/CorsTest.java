package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Browser portals on the configured origins may call the API and read its answers (errors
 * included); other origins get no CORS headers; preflights are answered at the edge.
 */
@QuarkusTest
@TestProfile(CorsTest.Portals.class)
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class CorsTest {

  private static final String PORTAL = "https://portal.example";
  private static final String CRM = "https://crm.example:8443";
  private static final String LISTINGS = "/api/v1/active-list/listings";

  public static class Portals implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("riss.gateway.cors.origins", PORTAL + ", " + CRM);
    }
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnsweredHereWithWhatMayBeSent() {
    given()
        .header("Origin", CRM)
        .header("Access-Control-Request-Method", "PATCH")
        .header("Access-Control-Request-Headers", "authorization, if-match, content-type")
        .options(LISTINGS + "/5f0e0e0e-0000-4000-8000-000000000001")
        .then()
        .statusCode(204)
        .header("Access-Control-Allow-Origin", equalTo(CRM))
        .header("Access-Control-Allow-Methods", containsString("PATCH"))
        .header("Access-Control-Allow-Headers", containsString("Authorization"))
        .header("Access-Control-Allow-Headers", containsString("If-Match"))
        .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
        .header("Access-Control-Max-Age", equalTo(Cors.MAX_AGE_SECONDS))
        .header("Access-Control-Allow-Credentials", nullValue())
        .header("Vary", containsString("Origin"));
  }

  @Test
  void aPreflightFromAnotherOriginIsRefusedAsAProblem() {
    given()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "DELETE")
        .options(LISTINGS)
        .then()
        .statusCode(403)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .header("Access-Control-Allow-Origin", nullValue())
        .body("type", equalTo("https://riss.example/problems/forbidden"))
        .body("requestId", not(nullValue()));
  }

  @Test
  void anAnswerToAnAllowedOriginNamesItAndExposesTheHeadersAPortalReads() {
    given()
        .header("Origin", PORTAL)
        .get(LISTINGS)
        .then()
        .statusCode(200)
        .body("service", equalTo("active-list-service"))
        .header("Access-Control-Allow-Origin", equalTo(PORTAL))
        .header("Vary", containsString("Origin"))
        .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"))
        .header("Access-Control-Expose-Headers", containsString("ETag"))
        .header("Access-Control-Expose-Headers", containsString("Location"))
        .header("Access-Control-Expose-Headers", containsString("Retry-After"))
        .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
  }

  @Test
  void theGatewaysOwnProblemsCarryTheHeadersTooSoThePortalCanReadWhy() {
    given()
        .header("Origin", PORTAL)
        .header("Authorization", "Bearer " + Tokens.expired("specialist", "spec-1"))
        .get(LISTINGS)
        .then()
        .statusCode(401)
        .header("Access-Control-Allow-Origin", equalTo(PORTAL))
        .header("Access-Control-Expose-Headers", containsString("WWW-Authenticate"));
    given()
        .header("Origin", PORTAL)
        .get("/nowhere")
        .then()
        .statusCode(404)
        .header("Access-Control-Allow-Origin", equalTo(PORTAL));
  }

  @Test
  void anotherOriginGetsTheAnswerWithoutCorsHeaders() {
    given()
        .header("Origin", "https://evil.example")
        .get(LISTINGS)
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Expose-Headers", nullValue());
  }

  @Test
  void withoutAnOriginNothingChanges() {
    given().get(LISTINGS).then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
  }
}
