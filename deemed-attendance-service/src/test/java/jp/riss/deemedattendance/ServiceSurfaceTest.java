package jp.riss.deemedattendance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import jp.riss.platform.testing.ContractDrift;
import org.junit.jupiter.api.Test;

/** Health, metrics and the served contract. */
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
}
