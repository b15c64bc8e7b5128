package jp.riss.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

/**
 * What operators and integrators rely on from every service, whatever its domain: readiness that
 * checks the database and Kafka, Prometheus metrics, the checked-in contract being what is served,
 * and request ids. A service's {@code @QuarkusTest ServiceSurfaceTest} extends this.
 */
public abstract class ServiceSurfaceChecks {

  @Test
  void readinessChecksTheDatabaseAndKafka() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("kafka", "Database connections health check"));
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void metricsArePrometheusText() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void servedContractIsTheCheckedInOne() throws Exception {
    ContractDrift.assertServedContractIsCheckedIn();
  }

  @Test
  void requestIdsArePropagatedOrMadeUp() {
    given()
        .header("X-Request-Id", "crm-sync-42")
        .get("/q/health/live")
        .then()
        .header("X-Request-Id", equalTo("crm-sync-42"));
    given()
        .header("X-Request-Id", "bad id with spaces")
        .get("/q/health/live")
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
}
