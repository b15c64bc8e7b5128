package jp.riss.activelist;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
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

  @Test
  void theListDesignsCodeListsComeFromMigrations() {
    given()
        .filter(Contracts.validator())
        .get("/api/v1/active-list/reference/industries")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(20))
        .body("items.find { it.code == 'E' }.nameJa", equalTo("製造業"));
    given()
        .filter(Contracts.validator())
        .get("/api/v1/active-list/reference/engagement-lengths")
        .then()
        .body("items.nameJa", contains("スポット", "1～3か月", "3か月～半年", "半年～1年", "1年以上"));
    given()
        .filter(Contracts.validator())
        .get("/api/v1/active-list/reference/formats")
        .then()
        .body("items.code", contains("on-site", "online", "lecture", "product-selection"));
    given()
        .filter(Contracts.validator())
        .get("/api/v1/active-list/reference/qualifications")
        .then()
        .body("items.nameJa", hasItems("ITコーディネータ", "中小企業診断士", "CISSP", "公認会計士"));
    given()
        .filter(Contracts.validator())
        .get("/api/v1/active-list/reference/syllabus-items")
        .then()
        .body("items.size()", equalTo(30))
        .body("items[0].code", equalTo("1-1"))
        .body("items.code", hasItems("3-10", "3-11", "4-4"));
  }
}
