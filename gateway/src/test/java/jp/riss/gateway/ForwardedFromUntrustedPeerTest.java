package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import jp.riss.platform.testing.DevJwtResource;
import org.junit.jupiter.api.Test;

/**
 * A caller that is not a configured trusted proxy (here the test, 127.0.0.1, while only
 * 192.0.2.0/24 is trusted) cannot choose its rate-limit identity, the address services are told, or
 * the host the gateway writes into links, by sending X-Forwarded-* or Forwarded itself.
 */
@QuarkusTest
@TestProfile(ForwardedFromUntrustedPeerTest.Untrusted.class)
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class ForwardedFromUntrustedPeerTest {

  public static class Untrusted implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "riss.gateway.trusted-proxies", "192.0.2.0/24",
          "riss.gateway.rate-limit.anonymous.requests-per-second", "0.1",
          "riss.gateway.rate-limit.anonymous.burst", "3");
    }
  }

  @Test
  void spoofedForwardedHeadersNeitherChangeTheRateLimitKeyNorReachTheService() {
    for (int remaining = 2; remaining >= 0; remaining--) {
      given()
          .header("X-Forwarded-For", "203.0.113." + remaining)
          .header("X-Real-IP", "203.0.113." + remaining)
          .header("Forwarded", "for=198.51.100." + remaining + ";proto=https;host=evil.example")
          .header("X-Forwarded-Proto", "https")
          .header("X-Forwarded-Host", "evil.example")
          .get("/api/v1/guide/steps")
          .then()
          .statusCode(200)
          .header("RateLimit-Remaining", String.valueOf(remaining))
          .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
          .body("headers.x-forwarded-proto", equalTo("http"))
          .body("headers.x-forwarded-host", startsWith("localhost:"))
          .body("headers.forwarded", nullValue())
          .body("headers.x-real-ip", nullValue());
    }
    given()
        .header("X-Forwarded-For", "203.0.113.99")
        .get("/api/v1/guide/steps")
        .then()
        .statusCode(429)
        .header("Retry-After", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void linksKeepTheHostTheCallerReallyUsed() {
    given()
        .redirects()
        .follow(false)
        .header("X-Forwarded-Host", "evil.example")
        .header("X-Forwarded-Proto", "https")
        .header("Authorization", "Bearer " + jp.riss.platform.testing.Tokens.of("specialist", "l1"))
        .post("/api/v1/guide/absolute-location")
        .then()
        .statusCode(201)
        .header(
            "Location",
            equalTo(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/guide/things/1?x=1"));
  }
}
