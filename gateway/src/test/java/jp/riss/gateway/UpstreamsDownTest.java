package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static jp.riss.platform.testing.Management.base;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.web.RequestIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With every service down the gateway still answers: callers get a retryable problem, and the
 * gateway stays live and ready, since restarting it would not bring a service back.
 */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(ClosedUpstreams.class)
class UpstreamsDownTest {

  @TestHTTPResource(value = "/", management = true)
  URL management;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/active-list/listings",
        "/api/v1/deemed-attendance/applications",
        "/api/v1/community/events",
        "/api/v1/guide/steps"
      })
  void anUnreachableServiceIsUnavailableWithRetryAfter(String path) {
    given()
        .header(RequestIds.HEADER, "down-1")
        .get(path)
        .then()
        .statusCode(503)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .header("Retry-After", "5")
        .header(RequestIds.HEADER, "down-1")
        .body("type", equalTo("https://riss.example/problems/upstream-unavailable"))
        .body("title", equalTo("Service unavailable"))
        .body("status", equalTo(503))
        .body("instance", equalTo(path));
  }

  @Test
  void aBodyForAnUnreachableServiceStillGetsAProblem() {
    given()
        .contentType("application/json")
        .body("{\"answers\":[1,2,3]}")
        .post("/api/v1/guide/diagnoses")
        .then()
        .statusCode(503)
        .header("Retry-After", "5");
  }

  @Test
  void aContractOfAnUnreachableServiceIsUnavailable() {
    given()
        .get("/openapi/community")
        .then()
        .statusCode(503)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .body("detail", startsWith("camp-community-service"));
  }

  @Test
  void theGatewayIsLiveAndReadyRegardless() {
    given()
        .baseUri(base(management))
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"));
    given()
        .baseUri(base(management))
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"));
  }

  @Test
  void theIndexIsServedRegardless() {
    given().get("/openapi").then().statusCode(200).body("contracts.size()", equalTo(5));
  }

  @Test
  void metricsAreServedByTheGatewayItself() {
    given().get("/api/v1/guide/steps").then().statusCode(503);

    // The request is counted when its response completes, which may trail the client by a hair.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .baseUri(base(management))
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("http_server_requests_seconds_count"))
                    .body(containsString("uri=\"/api/v1/guide/**\"")));
  }
}
