package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import jp.riss.platform.testing.DevJwtResource;
import org.junit.jupiter.api.Test;

/** Switched off, the limit neither refuses nor announces anything, however small it is set. */
@QuarkusTest
@TestProfile(RateLimitDisabledTest.Off.class)
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class RateLimitDisabledTest {

  public static class Off implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "riss.gateway.rate-limit.enabled", "false",
          "riss.gateway.rate-limit.anonymous.requests-per-second", "0.1",
          "riss.gateway.rate-limit.anonymous.burst", "1");
    }
  }

  @Test
  void nothingIsLimited() {
    for (int i = 0; i < 5; i++) {
      given()
          .get("/api/v1/guide/steps")
          .then()
          .statusCode(200)
          .header("RateLimit-Limit", nullValue())
          .header("RateLimit-Remaining", nullValue());
      given().get("/openapi/guide").then().statusCode(200);
    }
  }
}
