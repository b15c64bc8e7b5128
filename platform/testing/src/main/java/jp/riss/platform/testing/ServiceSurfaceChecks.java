package jp.riss.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * What operators and integrators rely on from every service, whatever its domain: readiness that
 * checks the database and Kafka and metrics on the management port (never the public one), the
 * checked-in contract being what is served, request ids, the edges of HTTP (over-long requests,
 * control characters) answered as problems, query parameters that are never typed numbers,
 * resources that leave queries and transactions to services, time read from the injected clock, and
 * no way to move that clock from outside unless the local stack's flag turns it on. A service's
 * {@code @QuarkusTest ServiceSurfaceTest} extends this.
 */
public abstract class ServiceSurfaceChecks {

  @TestHTTPResource(value = "/", management = true)
  URL management;

  @TestHTTPResource("/")
  URL application;

  @Test
  void readinessChecksTheDatabaseAndKafka() {
    given()
        .baseUri(managementBase())
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("kafka", "Database connections health check"));
    given()
        .baseUri(managementBase())
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"));
  }

  @Test
  void metricsArePrometheusText() {
    given()
        .baseUri(managementBase())
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void healthAndMetricsAreNotOnThePublicPort() {
    for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics"}) {
      given()
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("type", equalTo("https://riss.example/problems/not-found"));
    }
  }

  /**
   * Without {@code riss.clock.movable=true} (the default; production never sets it) there is no
   * clock control at all: {@code /q/clock} is an unknown path on both ports, whatever the method.
   */
  @Test
  void theClockCannotBeMovedFromOutsideUnlessTheFlagIsOn() {
    given().baseUri(managementBase()).get("/q/clock").then().statusCode(404);
    given()
        .baseUri(managementBase())
        .contentType("application/json")
        .body("{\"advance\":\"P1Y\"}")
        .post("/q/clock")
        .then()
        .statusCode(404);
    given().baseUri(managementBase()).delete("/q/clock").then().statusCode(404);
    given().get("/q/clock").then().statusCode(404);
  }

  @Test
  void servedContractIsTheCheckedInOne() throws Exception {
    ContractDrift.assertServedContractIsCheckedIn();
  }

  @Test
  void requestIdsArePropagatedOrMadeUp() {
    given()
        .header("X-Request-Id", "crm-sync-42")
        .get("/api/v1/no-such-path")
        .then()
        .header("X-Request-Id", equalTo("crm-sync-42"));
    given()
        .header("X-Request-Id", "bad id with spaces")
        .get("/api/v1/no-such-path")
        .then()
        .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
  }

  @Test
  void problemsNameThePathAndTheRequestIdToQuote() {
    given()
        .header("X-Request-Id", "support-ticket-7")
        .get("/api/v1/no-such-path")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/not-found"))
        .body("instance", equalTo("/api/v1/no-such-path"))
        .body("requestId", equalTo("support-ticket-7"));
  }

  @Test
  void queryParametersAreNeverTypedNumbers() throws Exception {
    String root = getClass().getPackageName();
    assertThat(
        "classes scanned under " + root, QueryParameterTypes.classesSeen(root), greaterThan(0));
    assertThat(
        "query parameters must be String, parsed by the platform helpers",
        QueryParameterTypes.typedIn(root),
        empty());
  }

  @Test
  void resourcesHoldNoQueriesAndNoTransactions() throws Exception {
    String root = getClass().getPackageName();
    assertThat(
        "resource classes found under " + root,
        ThinResources.resourcesIn(root).size(),
        greaterThan(0));
    assertThat(
        "resources are HTTP in, a service call, HTTP out",
        ThinResources.violationsIn(root),
        empty());
  }

  @Test
  void mainCodeReadsTheTimeFromTheInjectedClock() throws Exception {
    String root = getClass().getPackageName();
    assertThat(
        "java.time now() without a Clock: inject java.time.Clock and call now(clock)",
        ClocklessTime.callsIn(root),
        empty());
  }

  @Test
  void controlCharactersInTheQueryPathOrAHeaderAreRefusedByName() throws Exception {
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/no-such-path?q=a%00b")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItems("q"));
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/no%01such-path")
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("path"));
    String answer =
        RawHttp.exchange(
            application.getHost(),
            application.getPort(),
            "GET /api/v1/no-such-path HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0001b\r\n"
                + "Connection: close\r\n\r\n");
    // The HTTP codec itself refuses a control character in a header value (an empty 400, before
    // any handler could name it): what matters is that it never reaches the service.
    assertThat(answer, startsWith("HTTP/1.1 400"));
  }

  @Test
  void anOverLongUriIsA414Problem() throws Exception {
    EdgeChecks.uriTooLong(application, "/api/v1/no-such-path");
  }

  @Test
  void anOverLargeHeaderBlockIsA431Problem() throws Exception {
    EdgeChecks.headersTooLarge(application, "/api/v1/no-such-path");
  }

  @Test
  void aRequestWithoutAUsableHostIsA400Problem() throws Exception {
    EdgeChecks.unusableHost(application, "/api/v1/no-such-path");
  }

  private String managementBase() {
    return Management.base(management);
  }
}
