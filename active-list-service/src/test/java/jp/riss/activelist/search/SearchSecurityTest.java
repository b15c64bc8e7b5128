package jp.riss.activelist.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.PublicReadChecks;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Search is public (no token; a presented token must be valid); the exposure report is IPA's only.
 * Every role, no token and every kind of bad token meet both endpoints.
 */
@QuarkusTest
class SearchSecurityTest extends PublicReadChecks {

  static final String EXPOSURE = "/api/v1/active-list/exposure";

  @Override
  protected List<String> publicPaths() {
    return List.of(
        PublishedListingFixtures.LISTINGS,
        PublishedListingFixtures.LISTINGS + "?theme=1&prefecture=13&includeOnline=true&q=規程");
  }

  @ParameterizedTest(name = "exposure report as {0}: {1}")
  @CsvSource({
    "ipa-admin, 200",
    "ipa-reviewer, 200",
    "specialist, 403",
    "support-body, 403",
    "company, 403",
    "certifier, 403",
    "alumni, 403",
    "camp-office, 403"
  })
  void exposureReportIsForIpaOnly(String role, int status) {
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of(role, "someone"))
        .get(EXPOSURE)
        .then()
        .statusCode(status);
  }

  @org.junit.jupiter.api.Test
  void exposureReportNeedsAToken() {
    given()
        .filter(Contracts.responseValidator())
        .get(EXPOSURE)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @ParameterizedTest(name = "exposure report with a {0} token is 401")
  @MethodSource("jp.riss.platform.testing.Tokens#badTokens")
  void exposureReportRefusesBadTokens(String kind, String token) {
    given()
        .header("Authorization", "Bearer " + token)
        .get(EXPOSURE)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/unauthorized"));
  }
}
