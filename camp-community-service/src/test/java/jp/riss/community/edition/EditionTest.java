package jp.riss.community.edition;

import static jp.riss.community.CommunityApi.BASE;
import static jp.riss.community.CommunityApi.checked;
import static jp.riss.community.CommunityApi.office;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Editions are data per programme, managed by the camp office with If-Match. */
@QuarkusTest
class EditionTest {

  private static Map<String, Object> edition(String programme, int year, String stage) {
    Map<String, Object> e = new HashMap<>();
    e.put("programme", programme);
    e.put("fiscalYear", year);
    e.put("stage", stage);
    e.put("startsOn", year + "-09-01");
    e.put("endsOn", year + "-09-05");
    e.put("format", "both");
    e.put("capacity", 15);
    e.put("eligibilityReferenceDate", year + "-04-01");
    return e;
  }

  @Test
  void connectHasPreAndMainStagesAndUpdatesNeedIfMatch() {
    int year = ThreadLocalRandom.current().nextInt(2030, 2100);
    var created =
        office()
            .contentType(ContentType.JSON)
            .body(edition("connect", year, "pre"))
            .post(BASE + "/editions")
            .then()
            .statusCode(201)
            .body("stage", equalTo("pre"))
            .extract();
    String id = created.path("id");
    office()
        .contentType(ContentType.JSON)
        .body(edition("connect", year, "pre"))
        .post(BASE + "/editions")
        .then()
        .statusCode(409);
    Map<String, Object> bigger = edition("connect", year, "pre");
    bigger.put("capacity", 50);
    jp.riss.community.CommunityApi.lenient(Tokens.of("camp-office", "o"))
        .contentType(ContentType.JSON)
        .body(bigger)
        .put(BASE + "/editions/" + id)
        .then()
        .statusCode(428);
    office()
        .header("If-Match", created.header("ETag"))
        .contentType(ContentType.JSON)
        .body(bigger)
        .put(BASE + "/editions/" + id)
        .then()
        .statusCode(200)
        .body("capacity", equalTo(50));
    checked().get(BASE + "/editions/" + id).then().statusCode(200).body("capacity", equalTo(50));
  }

  @Test
  void everyBadFieldIsNamed() {
    Map<String, Object> bad = edition("national", 2026, "pre");
    bad.put("endsOn", "2026-08-01");
    bad.put("startsOn", "2026-09-01");
    bad.put("capacity", 0);
    bad.put("format", "hologram");
    io.restassured.RestAssured.given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("camp-office", "o"))
        .contentType(ContentType.JSON)
        .body(bad)
        .post(BASE + "/editions")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("stage", "endsOn", "capacity", "format"));
  }

  @Test
  void theCampOfficeSetsCommunityEligibility() {
    var read = checked().get(BASE + "/programmes/mini").then().statusCode(200).extract();
    jp.riss.community.CommunityApi.lenient(Tokens.of("camp-office", "o"))
        .contentType(ContentType.JSON)
        .body(Map.of("communityEligible", false))
        .put(BASE + "/programmes/mini/community-eligibility")
        .then()
        .statusCode(428);
    office()
        .header("If-Match", read.header("ETag"))
        .contentType(ContentType.JSON)
        .body(Map.of("communityEligible", false))
        .put(BASE + "/programmes/mini/community-eligibility")
        .then()
        .statusCode(200)
        .body("communityEligible", equalTo(false));
  }
}
