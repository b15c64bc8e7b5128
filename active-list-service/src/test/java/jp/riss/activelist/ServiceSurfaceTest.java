package jp.riss.activelist;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import jp.riss.platform.testing.ContractDrift;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/** Health, metrics, the served contract and the reference data portals build forms from. */
@QuarkusTest
class ServiceSurfaceTest {

  @Test
  void readinessChecksTheDatabaseAndKafka() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("kafka", "Database connections health check"));
    given().get("/q/health/live").then().statusCode(200);
  }

  @Test
  void requestIdsArePropagatedOrMadeUp() {
    given()
        .header("X-Request-Id", "crm-sync-42")
        .get("/api/v1/active-list/reference/themes")
        .then()
        .header("X-Request-Id", equalTo("crm-sync-42"));
    given()
        .header("X-Request-Id", "bad id with spaces")
        .get("/api/v1/active-list/reference/themes")
        .then()
        .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
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
  void referenceDataComesFromMigrations() {
    given()
        .filter(Contracts.validator())
        .get("/api/v1/active-list/reference/prefectures")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(47))
        .body("items.find { it.code == '13' }.nameJa", equalTo("東京都"));
    given()
        .filter(Contracts.validator())
        .get("/api/v1/active-list/reference/themes")
        .then()
        .statusCode(200)
        .body("items.number", hasItems(1, 2, 3, 4, 5, 6));
  }
}
