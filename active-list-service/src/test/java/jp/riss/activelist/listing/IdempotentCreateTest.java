package jp.riss.activelist.listing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** A client that retries a create after a timeout gets the first answer, not a second listing. */
@QuarkusTest
class IdempotentCreateTest {

  @Inject AgroalDataSource dataSource;

  private static ValidatableResponse create(String owner, String key, String number) {
    jp.riss.activelist.registry.RegistrationFacts.bind(number, owner);
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(Listings.body(number))
        .post(Listings.PATH)
        .then();
  }

  @Test
  void aRetryWithTheSameKeyGetsTheFirstAnswer() throws Exception {
    String key = UUID.randomUUID().toString();
    String number = Listings.uniqueRegistrationNumber();
    String id = create("idem-a", key, number).statusCode(201).extract().path("id");

    create("idem-a", key, number)
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .header("Location", org.hamcrest.Matchers.endsWith(id))
        .body("id", equalTo(id));
    assertEquals(1, listingsWith(number));
  }

  @Test
  void theSameKeyForAnotherRequestIsRefused() {
    String key = UUID.randomUUID().toString();
    create("idem-b", key, Listings.uniqueRegistrationNumber()).statusCode(201);
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", "idem-b"))
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(Listings.body(Listings.uniqueRegistrationNumber()))
        .post(Listings.PATH)
        .then()
        .statusCode(422)
        .body("type", equalTo("https://riss.example/problems/idempotency-key-reused"));
  }

  @Test
  void keysBelongToTheCaller() {
    String key = UUID.randomUUID().toString();
    create("idem-c", key, Listings.uniqueRegistrationNumber()).statusCode(201);
    create("idem-d", key, Listings.uniqueRegistrationNumber())
        .statusCode(201)
        .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void aFailedRequestStoresNothingSoItCanBeRetriedAsItIs() throws Exception {
    String key = UUID.randomUUID().toString();
    String number = Listings.uniqueRegistrationNumber();
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "idem-e"))
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(
            java.util.Map.of(
                "registrationNumber",
                number,
                "selfDeclared",
                Listings.selfDeclared("prefectures", java.util.List.of("48"))))
        .post(Listings.PATH)
        .then()
        .statusCode(400);
    create("idem-e", key, number)
        .statusCode(201)
        .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void anUnusableKeyIsNamed() {
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "idem-f"))
        .header("Idempotency-Key", "k".repeat(256))
        .contentType(ContentType.JSON)
        .body(Listings.body(Listings.uniqueRegistrationNumber()))
        .post(Listings.PATH)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("Idempotency-Key"));
  }

  private long listingsWith(String registrationNumber) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM listing WHERE registration_number = ?")) {
      ps.setString(1, registrationNumber);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
