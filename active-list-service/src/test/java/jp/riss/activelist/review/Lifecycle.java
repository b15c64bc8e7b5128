package jp.riss.activelist.review;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import jp.riss.activelist.listing.Listings;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;

/** Lifecycle calls as their callers make them, answers checked against the contract. */
final class Lifecycle {

  private Lifecycle() {}

  static ValidatableResponse post(String role, String subject, String id, String action) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of(role, subject))
        .post(Listings.PATH + "/" + id + "/" + action)
        .then();
  }

  static ValidatableResponse post(
      String role, String subject, String id, String action, Object body) {
    // Response-only: some tests send bodies the contract forbids, on purpose.
    return given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of(role, subject))
        .contentType(ContentType.JSON)
        .body(body)
        .post(Listings.PATH + "/" + id + "/" + action)
        .then();
  }

  static ValidatableResponse byOwner(String id, String action) {
    return post("specialist", Listings.owner(id), id, action);
  }

  static ValidatableResponse byReviewer(String id, String action) {
    return post("ipa-reviewer", "reviewer-1", id, action);
  }

  static ValidatableResponse withReason(String role, String id, String action, String reason) {
    return post(role, "ipa-1", id, action, Map.of("reason", reason));
  }

  static ValidatableResponse read(String id) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "ipa-1"))
        .get(Listings.PATH + "/" + id)
        .then()
        .statusCode(200);
  }

  static ValidatableResponse history(String id) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "ipa-1"))
        .get(Listings.PATH + "/" + id + "/history")
        .then()
        .statusCode(200);
  }
}
