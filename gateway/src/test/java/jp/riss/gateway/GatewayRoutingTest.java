package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jp.riss.platform.testing.DevJwtResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each prefix reaches its own service with the request as the caller sent it. */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class GatewayRoutingTest {

  @ParameterizedTest
  @CsvSource({
    "active-list, active-list-service",
    "deemed-attendance, deemed-attendance-service",
    "community, camp-community-service",
    "guide, practical-guide-service"
  })
  void eachPrefixReachesItsServiceWithPathQueryAndBodyIntact(String context, String service) {
    String path = "/api/v1/" + context + "/things/42";
    String body = "{\"name\":\"東京都の専門家\",\"n\":1}";

    given()
        .urlEncodingEnabled(false)
        .contentType("application/json; charset=UTF-8")
        .body(body)
        .when()
        .post(path + "?limit=5&cursor=a%2Fb&q=%E6%9D%B1")
        .then()
        .statusCode(200)
        .body("service", equalTo(service))
        .body("method", equalTo("POST"))
        .body("path", equalTo(path))
        .body("query", equalTo("limit=5&cursor=a%2Fb&q=%E6%9D%B1"))
        .body("body", equalTo(body))
        .body("headers.content-type", equalTo("application/json; charset=UTF-8"));
  }

  @Test
  void theBareContextPathIsRoutedToo() {
    given().get("/api/v1/guide").then().statusCode(200).body("path", equalTo("/api/v1/guide"));
  }

  @Test
  void aBodyNearTheLimitStreamsThroughUnchanged() {
    String body = "x".repeat(900 * 1024);

    given()
        .contentType("text/plain")
        .body(body)
        .when()
        .put("/api/v1/active-list/listings/1")
        .then()
        .statusCode(200)
        .body("method", equalTo("PUT"))
        .body("body.length()", equalTo(body.length()));
  }

  @Test
  void aMethodWithoutBodyIsForwardedAsIs() {
    given()
        .when()
        .delete("/api/v1/community/posts/7")
        .then()
        .statusCode(200)
        .body("method", equalTo("DELETE"))
        .body("body", equalTo(""));
  }

  @Test
  void aLocationAtTheServicesOwnAddressIsRewrittenToTheGateways() {
    given()
        .redirects()
        .follow(false)
        .post("/api/v1/guide/absolute-location")
        .then()
        .statusCode(201)
        .header(
            "Location",
            equalTo(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/guide/things/1?x=1"));
  }

  @Test
  void aLocationElsewhereIsLeftAlone() {
    given()
        .redirects()
        .follow(false)
        .get("/api/v1/guide/elsewhere-location")
        .then()
        .statusCode(303)
        .header("Location", equalTo("https://www.ipa.go.jp/jinzai/riss/"));
  }

  @Test
  void theCallersAddressIsForwarded() {
    given()
        .get("/api/v1/guide/steps")
        .then()
        .statusCode(200)
        .body("headers.x-forwarded-proto", equalTo("http"))
        .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
        .body("headers.x-forwarded-host", startsWith("localhost:"));
  }

  @Test
  void withoutConfiguredOriginsNoBrowserOriginMayCall() {
    // CORS_ORIGINS is empty by default (CorsTest covers configured origins).
    given()
        .header("Origin", "https://portal.example")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .options("/api/v1/active-list/listings")
        .then()
        .statusCode(403)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .header("Access-Control-Allow-Origin", nullValue());

    given()
        .header("Origin", "https://portal.example")
        .get("/api/v1/active-list/listings")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Expose-Headers", nullValue());
  }

  @Test
  void anUnknownRouteIsANotFoundProblem() {
    given()
        .get("/api/v2/anything")
        .then()
        .statusCode(404)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .body("type", equalTo("https://riss.example/problems/not-found"))
        .body("status", equalTo(404))
        .body("title", equalTo("Not found"))
        .body("stack", nullValue());
  }

  @Test
  void aPrefixMatchesWholeSegmentsOnly() {
    given()
        .get("/api/v1/active-listings/1")
        .then()
        .statusCode(404)
        .contentType(GatewayProblems.MEDIA_TYPE);
  }

  @Test
  void anUpstreamDroppingTheConnectionIsUnavailableWithRetryAfter() {
    given()
        .get("/api/v1/community/reset")
        .then()
        .statusCode(503)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .header("Retry-After", "5")
        .body("type", equalTo("https://riss.example/problems/upstream-unavailable"))
        .body("status", equalTo(503));
  }

  @Test
  void anUpstreamThatNeverAnswersIsATimeoutProblem() {
    given()
        .get("/api/v1/deemed-attendance/slow")
        .then()
        .statusCode(504)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .body("type", equalTo("https://riss.example/problems/upstream-timeout"))
        .body("status", equalTo(504))
        .body("detail", startsWith("deemed-attendance-service"));
  }
}
