package jp.riss.activelist.inquiry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/** The matching reference data comes from migrations and is public, for forms. */
@QuarkusTest
class MatchingReferenceDataTest {

  @Test
  void sizeBandsReasonsFollowUpsAndVisitGoalsAreServedWithoutAToken() {
    given()
        .filter(Contracts.validator())
        .get(Matching.API + "/reference/company-size-bands")
        .then()
        .statusCode(200)
        .body("items.code", contains("1-5", "6-20", "21-50", "51-100", "101-300", "301-"))
        .body("items[0].minEmployees", equalTo(1))
        .body("items[0].maxEmployees", equalTo(5))
        // The open-ended band has no upper bound, not a zero one.
        .body("items[5].minEmployees", equalTo(301))
        .body("items[5].maxEmployees", nullValue());
    given()
        .filter(Contracts.validator())
        .get(Matching.API + "/reference/inquiry-decline-reasons")
        .then()
        .statusCode(200)
        .body("items.code", hasItems("fully-booked", "outside-region", "other"));
    given()
        .filter(Contracts.validator())
        .get(Matching.API + "/reference/consultation-follow-ups")
        .then()
        .statusCode(200)
        .body("items.code", hasItems("GUIDANCE_ENGAGEMENT", "NONE"));
    given()
        .filter(Contracts.validator())
        .get(Matching.API + "/reference/theme-visit-goals")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(18))
        .body(
            "items.findAll { it.themeNumber == 2 }.goalJa",
            contains("現状のリスクの把握", "情報資産の洗い出し", "情報資産台帳に基づくリスク分析"));
  }
}
