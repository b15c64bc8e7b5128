package jp.riss.activelist.listing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import jp.riss.activelist.registry.RegistrationFacts;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Identity is proven: a listing is for the registration number IPA's registry (through its owner,
 * the deemed-attendance service) binds to the caller's account, never for a number the caller
 * merely sends; and a listing criterion rechecks who holds the number at every registry change.
 */
@QuarkusTest
class RegistrationOwnershipTest {

  @Inject AgroalDataSource dataSource;

  private static ValidatableResponse create(String subject, Map<String, Object> body) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", subject))
        .contentType(ContentType.JSON)
        .body(body)
        .post(Listings.PATH)
        .then();
  }

  @Test
  void aSpecialistClaimingAnothersNumberIsRefusedAndTheHolderSucceeds() throws Exception {
    String holderNumber = Listings.uniqueRegistrationNumber();
    String squatterNumber = Listings.uniqueRegistrationNumber();
    String holder = "holder-" + holderNumber;
    String squatter = "squatter-" + squatterNumber;
    RegistrationFacts.bind(holderNumber, holder);
    RegistrationFacts.bind(squatterNumber, squatter);

    create(squatter, Listings.body(holderNumber))
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/registration-not-held"))
        .body("violations.field", contains("registrationNumber"));
    assertEquals(0, listingsWith(holderNumber));

    String id =
        create(holder, Listings.body(holderNumber))
            .statusCode(201)
            .body("registrationNumber", equalTo(holderNumber))
            .extract()
            .path("id");
    // Once listed, the squatter still learns nothing about the listing (not even a 409).
    create(squatter, Listings.body(holderNumber))
        .statusCode(403)
        .body("type", equalTo("https://riss.example/problems/registration-not-held"));
    assertEquals(1, listingsWith(holderNumber));
    Listings.ownedBy(id, holder);
  }

  @Test
  void withoutANumberTheBoundOneIsTakenAndWithoutABindingNothingIsCreated() {
    String number = Listings.uniqueRegistrationNumber();
    String subject = "derived-" + number;
    create("unbound-" + number, Map.of("selfDeclared", Listings.selfDeclared()))
        .statusCode(403)
        .body("violations.field", contains("registrationNumber"));

    RegistrationFacts.bind(number, subject);
    create(subject, Map.of("selfDeclared", Listings.selfDeclared()))
        .statusCode(201)
        .body("registrationNumber", equalTo(number));
  }

  @Test
  void aRegistryChangeBindingTheNumberElsewhereSuspendsThePublishedListing() {
    String number = Listings.uniqueRegistrationNumber();
    String owner = "rebound-" + number;
    String id = Listings.createDraft(owner, number);
    Listings.publish(id);

    RegistrationFacts.publish(
        RegistrationFacts.with(
            RegistrationFacts.valid(number, owner), "specialistSubject", "the-real-holder"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "SUSPENDED".equals(status(id)));
    given()
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "a"))
        .get(Listings.PATH + "/" + id + "/criteria")
        .then()
        .statusCode(200)
        .body("results.find { it.code == 'registration-held-by-owner' }.passed", equalTo(false));
  }

  @Test
  void anImportedSuspensionTakesThePublishedListingOffTheList() {
    String number = Listings.uniqueRegistrationNumber();
    String owner = "suspended-" + number;
    String id = Listings.createDraft(owner, number);
    Listings.publish(id);

    RegistrationFacts.publish(
        RegistrationFacts.with(RegistrationFacts.valid(number, owner), "status", "SUSPENDED"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "SUSPENDED".equals(status(id)));
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
        .get(Listings.PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("verified.registration.status", equalTo("SUSPENDED"));
  }

  private static String status(String id) {
    return given()
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "a"))
        .get(Listings.PATH + "/" + id)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  private long listingsWith(String number) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM listing WHERE registration_number = ?")) {
      ps.setString(1, number);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
