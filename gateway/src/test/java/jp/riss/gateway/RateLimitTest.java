package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static jp.riss.platform.testing.Management.base;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.testing.Metrics;
import jp.riss.platform.testing.Tokens;
import jp.riss.platform.web.RequestIds;
import org.junit.jupiter.api.Test;

/**
 * One client over its limit is turned away with a 429 while everyone else carries on. The limits
 * are tiny and refill slowly (one request per 10 s) so a test's quick requests never see a refill.
 * Each test uses its own subjects; only one uses the anonymous API bucket of 127.0.0.1.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Tiny.class)
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class RateLimitTest {

  @TestHTTPResource(value = "/", management = true)
  URL management;

  public static class Tiny implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "riss.gateway.rate-limit.anonymous.requests-per-second", "0.1",
          "riss.gateway.rate-limit.anonymous.burst", "3",
          "riss.gateway.rate-limit.authenticated.requests-per-second", "0.1",
          "riss.gateway.rate-limit.authenticated.burst", "5");
    }
  }

  @Test
  void theFourthQuickAnonymousRequestIsATooManyRequestsProblem() {
    double limitedBefore = rateLimited("anonymous");
    for (int remaining = 2; remaining >= 0; remaining--) {
      given()
          .get("/api/v1/guide/steps")
          .then()
          .statusCode(200)
          .body("service", equalTo("practical-guide-service"))
          .header("RateLimit-Limit", "3")
          .header("RateLimit-Remaining", String.valueOf(remaining))
          .header("RateLimit-Reset", seconds(1, 30));
    }

    given()
        .header(RequestIds.HEADER, "limited-1")
        .contentType("application/json")
        .body("{\"a\":1}")
        .post("/api/v1/community/posts")
        .then()
        .statusCode(429)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .header("Retry-After", seconds(1, 10))
        .header("RateLimit-Limit", "3")
        .header("RateLimit-Remaining", "0")
        .header("RateLimit-Reset", seconds(1, 30))
        .header(RequestIds.HEADER, "limited-1")
        .body("type", equalTo("https://riss.example/problems/rate-limited"))
        .body("title", equalTo("Too many requests"))
        .body("status", equalTo(429))
        .body("detail", allOf(containsString("anonymous"), containsString("3 requests")))
        .body("instance", equalTo("/api/v1/community/posts"))
        .body("requestId", equalTo("limited-1"))
        .body("service", nullValue());
    // Operators see the refusal: riss_gateway_rate_limited_total by client class, no client ids.
    assertEquals(limitedBefore + 1, rateLimited("anonymous"));

    // Without a trusted proxy, a made-up X-Forwarded-For buys no fresh allowance.
    given()
        .header("X-Forwarded-For", "203.0.113.7")
        .get("/api/v1/guide/steps")
        .then()
        .statusCode(429);

    // Same address, but a verified subject: its own bucket, with the authenticated limits.
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", unique("spec")))
        .get("/api/v1/guide/steps")
        .then()
        .statusCode(200)
        .header("RateLimit-Limit", "5")
        .header("RateLimit-Remaining", "4");
  }

  @Test
  void twoSubjectsDoNotShareABucket() {
    String first = Tokens.of("specialist", unique("spec"));
    double limitedBefore = rateLimited("authenticated");
    for (int i = 0; i < 5; i++) {
      withToken(first).get("/api/v1/active-list/listings").then().statusCode(200);
    }
    withToken(first)
        .get("/api/v1/active-list/listings")
        .then()
        .statusCode(429)
        .header("Retry-After", seconds(1, 10))
        .body("detail", containsString("authenticated"));
    assertEquals(limitedBefore + 1, rateLimited("authenticated"));

    withToken(Tokens.of("specialist", unique("spec")))
        .get("/api/v1/active-list/listings")
        .then()
        .statusCode(200)
        .header("RateLimit-Remaining", "4");
  }

  @Test
  void oneSubjectHasOneBucketWhateverTheToken() {
    String subject = unique("alum");
    for (int i = 0; i < 5; i++) {
      // A fresh token each time (another role, even) is still the same client.
      withToken(Tokens.of(i % 2 == 0 ? "alumni" : "specialist", subject))
          .get("/api/v1/community/events")
          .then()
          .statusCode(200);
    }

    withToken(Tokens.of("alumni", subject)).get("/api/v1/community/events").then().statusCode(429);
  }

  @Test
  void aRefusedTokenIsNeverCountedAsItsSubject() {
    String subject = unique("spec");
    for (int i = 0; i < 6; i++) {
      withToken(Tokens.expired("specialist", subject))
          .get("/api/v1/guide/steps")
          .then()
          .statusCode(401);
    }

    withToken(Tokens.of("specialist", subject))
        .get("/api/v1/guide/steps")
        .then()
        .statusCode(200)
        .header("RateLimit-Remaining", "4");
  }

  @Test
  void contractDocumentsHaveTheirOwnBucketsAndTheIndexIsNotLimited() {
    for (int remaining = 2; remaining >= 0; remaining--) {
      given()
          .get("/openapi/guide")
          .then()
          .statusCode(200)
          .header("RateLimit-Remaining", String.valueOf(remaining));
    }
    given()
        .get("/openapi/active-list")
        .then()
        .statusCode(429)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .body("detail", containsString("contract"));

    // The index is served from memory and not counted; its answer still shows the allowance.
    for (int i = 0; i < 10; i++) {
      given().get("/openapi").then().statusCode(200).header("RateLimit-Limit", "3");
    }
  }

  @Test
  void healthAndMetricsAreNeverLimited() {
    for (int i = 0; i < 10; i++) {
      given()
          .baseUri(base(management))
          .get("/q/health/ready")
          .then()
          .statusCode(200)
          .body("status", equalTo("UP"))
          .header("RateLimit-Limit", nullValue());
      given().baseUri(base(management)).get("/q/health/live").then().statusCode(200);
    }
    given().baseUri(base(management)).get("/q/metrics").then().statusCode(200);
  }

  @Test
  void theGatewaysOwnProblemsCarryTheHeadersToo() throws java.io.IOException {
    // Not counted (nothing reaches a service), but the caller still learns its allowance.
    given()
        .get("/no/such/route")
        .then()
        .statusCode(404)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .header("RateLimit-Limit", "3")
        .header("RateLimit-Remaining", seconds(0, 3))
        .header("RateLimit-Reset", seconds(0, 30));
    String tooLarge =
        jp.riss.platform.testing.RawHttp.exchange(
            "localhost",
            io.restassured.RestAssured.port,
            "POST /api/v1/guide/things HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: "
                + (2 * 1024 * 1024)
                + "\r\n\r\n");
    assertThat(tooLarge, allOf(containsString(" 413 "), containsString("RateLimit-Limit: 3")));
    String longUri =
        jp.riss.platform.testing.RawHttp.exchange(
            "localhost",
            io.restassured.RestAssured.port,
            "GET /api/v1/guide/"
                + "x".repeat(9000)
                + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
    assertThat(longUri, allOf(containsString(" 414 "), containsString("RateLimit-Limit: 3")));
    String largeHeaders =
        jp.riss.platform.testing.RawHttp.exchange(
            "localhost",
            io.restassured.RestAssured.port,
            "GET /api/v1/guide/steps HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "y".repeat(17000)
                + "\r\nConnection: close\r\n\r\n");
    assertThat(largeHeaders, allOf(containsString(" 431 "), containsString("RateLimit-Limit: 3")));
  }

  @Test
  void theHeadersAreOnUpstreamFailuresToo() {
    Response response =
        withToken(Tokens.of("specialist", unique("spec"))).get("/api/v1/community/reset");

    assertThat(response.statusCode(), equalTo(503));
    assertThat(response.header("RateLimit-Limit"), equalTo("5"));
    assertThat(response.header("RateLimit-Remaining"), equalTo("4"));
  }

  private static io.restassured.specification.RequestSpecification withToken(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** A header holding whole seconds in [min, max]. */
  private static org.hamcrest.Matcher<String> seconds(int min, int max) {
    return new org.hamcrest.TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(String value) {
        if (!value.matches("[0-9]+")) {
          return false;
        }
        long n = Long.parseLong(value);
        return greaterThanOrEqualTo((long) min).matches(n)
            && lessThanOrEqualTo((long) max).matches(n);
      }

      @Override
      public void describeTo(org.hamcrest.Description description) {
        description.appendText("whole seconds from " + min + " to " + max);
      }
    };
  }

  private double rateLimited(String clientClass) {
    return Metrics.count(
        management, "riss_gateway_rate_limited_total", Map.of("class", clientClass));
  }
}
