package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import jp.riss.platform.testing.DevJwtResource;
import org.junit.jupiter.api.Test;

/**
 * Behind a configured trusted proxy (the test, 127.0.0.1/32), the client it reports is the client:
 * each gets its own rate-limit allowance, services are told the whole chain, and links carry the
 * public scheme and host the proxy was called at.
 */
@QuarkusTest
@TestProfile(ForwardedFromTrustedProxyTest.Trusted.class)
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class ForwardedFromTrustedProxyTest {

  public static class Trusted implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "riss.gateway.trusted-proxies", "192.0.2.1, 127.0.0.1/32",
          "riss.gateway.rate-limit.anonymous.requests-per-second", "0.1",
          "riss.gateway.rate-limit.anonymous.burst", "3");
    }
  }

  @Test
  void eachClientTheProxyReportsHasItsOwnAllowance() {
    for (int client = 1; client <= 5; client++) {
      given()
          .header("X-Forwarded-For", "203.0.113." + client)
          .get("/api/v1/guide/steps")
          .then()
          .statusCode(200)
          .header("RateLimit-Remaining", "2")
          .body("headers.x-forwarded-for", equalTo("203.0.113." + client + ", 127.0.0.1"));
    }
  }

  @Test
  void whatTheClientClaimedBeforeTheProxyCountsForNothing() {
    for (int remaining = 2; remaining >= 0; remaining--) {
      given()
          .header("X-Forwarded-For", "198.51.100." + remaining + ", 203.0.113.50")
          .get("/api/v1/guide/steps")
          .then()
          .statusCode(200)
          .header("RateLimit-Remaining", String.valueOf(remaining));
    }
    given()
        .header("X-Forwarded-For", "198.51.100.77, 203.0.113.50")
        .get("/api/v1/guide/steps")
        .then()
        .statusCode(429);
  }

  @Test
  void theForwardedHeaderCountsWhenThatIsWhatTheProxySends() {
    given()
        .header("Forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https;host=api.riss.example")
        .get("/api/v1/guide/steps")
        .then()
        .statusCode(200)
        .header("RateLimit-Remaining", "2")
        .body("headers.x-forwarded-proto", equalTo("https"))
        .body("headers.x-forwarded-host", equalTo("api.riss.example"));
  }

  @Test
  void linksCarryThePublicSchemeAndHost() {
    given()
        .redirects()
        .follow(false)
        .header("X-Forwarded-For", "203.0.113.60")
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "api.riss.example")
        .post("/api/v1/guide/absolute-location")
        .then()
        .statusCode(201)
        .body(equalTo(""))
        .header("Location", equalTo("https://api.riss.example/api/v1/guide/things/1?x=1"));
  }
}
