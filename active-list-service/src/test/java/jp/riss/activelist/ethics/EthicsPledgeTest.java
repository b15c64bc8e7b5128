package jp.riss.activelist.ethics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import jp.riss.activelist.listing.Listings;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The versioned ethics pledge: only the version in effect can be accepted. */
@QuarkusTest
class EthicsPledgeTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void theCurrentPledgeIsPublicInBothLanguages() {
    given()
        .filter(Contracts.validator())
        .get("/api/v1/active-list/ethics-pledge")
        .then()
        .statusCode(200)
        .body("version", equalTo("2025.1"))
        .body("textJa", org.hamcrest.Matchers.containsString("倫理綱領"))
        .body("textEn", org.hamcrest.Matchers.containsString("code of ethics"));
  }

  @Test
  void theOwnerAcceptsTheCurrentVersion() {
    String id = Listings.createDraft("pledge-a", Listings.uniqueRegistrationNumber());
    accept(id, "pledge-a", Map.of("version", "2025.1"))
        .statusCode(200)
        .body("ethicsPledge.version", equalTo("2025.1"))
        .body("ethicsPledge.acceptedAt", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void anOutdatedVersionIsAConflictNamingTheVersionAndStoresNothing() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO ethics_pledge (version, effective_from, text_ja, text_en)"
              + " VALUES ('2019.1', '2019-04-01T00:00:00+09:00', '旧', 'old')"
              + " ON CONFLICT DO NOTHING");
    }
    String id = Listings.createDraft("pledge-b", Listings.uniqueRegistrationNumber());
    accept(id, "pledge-b", Map.of("version", "2019.1"))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/ethics-pledge-outdated"))
        .body("violations.field", hasItem("version"))
        .body("currentVersion", equalTo("2025.1"));
    read(id, "pledge-b").body("ethicsPledge", nullValue());
  }

  @Test
  void anUnknownOrMissingVersionIsA400NamingIt() {
    String id = Listings.createDraft("pledge-c", Listings.uniqueRegistrationNumber());
    accept(id, "pledge-c", Map.of("version", "1999.9"))
        .statusCode(400)
        .body("violations.field", hasItem("version"));
    accept(id, "pledge-c", Map.of()).statusCode(400).body("violations.field", hasItem("version"));
    read(id, "pledge-c").body("ethicsPledge", nullValue());
  }

  @Test
  void onlyTheOwnerAcceptsForTheirListing() {
    String id = Listings.createDraft("pledge-d", Listings.uniqueRegistrationNumber());
    accept(id, "not-pledge-d", Map.of("version", "2025.1")).statusCode(404);
    read(id, "pledge-d").body("ethicsPledge", nullValue());
  }

  private static ValidatableResponse accept(String id, String subject, Map<String, ?> body) {
    // Response-only: some tests send bodies the contract forbids, on purpose.
    return given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", subject))
        .contentType(ContentType.JSON)
        .body(body)
        .post(Listings.PATH + "/" + id + "/ethics-pledge")
        .then();
  }

  private static ValidatableResponse read(String id, String subject) {
    return given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", subject))
        .get(Listings.PATH + "/" + id)
        .then()
        .statusCode(200);
  }
}
