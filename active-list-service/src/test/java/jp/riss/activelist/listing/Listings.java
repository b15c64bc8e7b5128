package jp.riss.activelist.listing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;

/** Test helpers that drive the listing API the way a client does. */
final class Listings {

  static final String PATH = "/api/v1/active-list/listings";

  private Listings() {}

  static String uniqueRegistrationNumber() {
    return String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
  }

  static Map<String, Object> body(String registrationNumber) {
    return Map.of(
        "registrationNumber",
        registrationNumber,
        "displayName",
        "情報 太郎",
        "prefectures",
        java.util.List.of("13", "14"),
        "themes",
        java.util.List.of(1, 4));
  }

  static String createDraft(String owner, String registrationNumber) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
        .contentType(ContentType.JSON)
        .body(body(registrationNumber))
        .post(PATH)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static void publish(String id) {
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-reviewer", "reviewer-1"))
        .post(PATH + "/" + id + "/publish")
        .then()
        .statusCode(200);
  }
}
