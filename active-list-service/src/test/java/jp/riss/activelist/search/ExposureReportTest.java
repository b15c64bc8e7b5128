package jp.riss.activelist.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Impressions are counted per position bucket, written in batches and reported to IPA. */
@QuarkusTest
class ExposureReportTest {

  @Inject Impressions impressions;

  @Test
  void searchesAreCountedByPositionAndReported() throws Exception {
    String m = PublishedListingFixtures.marker();
    String id =
        PublishedListingFixtures.publish("search-exposure", PublishedListingFixtures.declared(m));
    for (int i = 0; i < 3; i++) {
      assertEquals(List.of(id), PublishedListingFixtures.ids("q=" + m));
    }
    impressions.flush();

    JsonPath report = report("limit=1000");
    Map<String, Object> row = report.getMap("items.find { it.listingId == '" + id + "' }");
    assertTrue(row != null, "the listing shown is in the report");
    @SuppressWarnings("unchecked")
    Map<String, Integer> byBucket = (Map<String, Integer>) row.get("impressions");
    assertEquals(3, byBucket.get("top-3"), "three searches showed it first");
    assertEquals(0, byBucket.get("4-10"));
    assertEquals(3, row.get("total"));
    double gini = report.getDouble("top3Gini");
    assertTrue(gini >= 0 && gini <= 1, "Gini " + gini);
    assertTrue(report.getInt("listingsCounted") >= 1);

    // Nothing is counted twice: a second flush with no new searches writes nothing.
    assertEquals(0, impressions.flush());
  }

  @ParameterizedTest(name = "{0} is a 400 naming {1}")
  @CsvSource({
    "from=yesterday, from",
    "to=2026-13-01T00:00:00Z, to",
    "from=2026-04-02T00:00:00Z&to=2026-04-01T00:00:00Z, from",
    "from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z, from",
    "limit=0, limit",
    "cursor=nope, cursor"
  })
  void badPeriodsAreNamed(String query, String field) {
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "ipa"))
        .get("/api/v1/active-list/exposure?" + query)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem(field));
  }

  private static JsonPath report(String query) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-reviewer", "reviewer"))
        .get("/api/v1/active-list/exposure?" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
