package jp.riss.activelist;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.ServiceSurfaceChecks;
import org.junit.jupiter.api.Test;

/** The shared surface checks, and the reference data portals build their forms from. */
@QuarkusTest
class ServiceSurfaceTest extends ServiceSurfaceChecks {

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
