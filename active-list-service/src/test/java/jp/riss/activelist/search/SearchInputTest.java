package jp.riss.activelist.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed or unknown search parameter is a 400 problem naming it, never a 500. */
@QuarkusTest
class SearchInputTest {

  @ParameterizedTest(name = "{0}={1} is a 400 naming {0}")
  @CsvSource({
    "theme, 99",
    "theme, one",
    "prefecture, 48",
    "industry, Z",
    "format, fax",
    "qualification, astrologer",
    "engagementLength, forever",
    "affiliation, FREELANCE",
    "maxFee, -1",
    "maxFee, cheap",
    "firstFree, yes",
    "includeOnline, 1",
    "acceptingOnly, maybe",
    "sort, popularity",
    "seed, -5",
    "seed, abc",
    "limit, 0",
    "limit, 101",
    "cursor, not-a-cursor"
  })
  void badParameterIsNamed(String name, String value) {
    given()
        .filter(Contracts.responseValidator())
        .queryParam(name, value)
        .get(PublishedListingFixtures.LISTINGS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/validation"))
        .body("violations.field", hasItem(name));
  }

  @ParameterizedTest(name = "q of {0} characters is a 400 naming q")
  @CsvSource({"201"})
  void overlongTextIsNamed(int length) {
    given()
        .filter(Contracts.responseValidator())
        .queryParam("q", "規".repeat(length))
        .get(PublishedListingFixtures.LISTINGS)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("q"));
  }

  @org.junit.jupiter.api.Test
  void everyBadParameterIsNamedInOneAnswer() {
    given()
        .filter(Contracts.responseValidator())
        .get(PublishedListingFixtures.LISTINGS + "?theme=99&prefecture=99&limit=0")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("theme"))
        .body("violations.field", hasItem("prefecture"))
        .body("violations.field", hasItem("limit"));
  }
}
