package jp.riss.activelist.listing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every protected endpoint: no token 401, bad token 401, wrong role 403 — as problem+json. */
@QuarkusTest
class ListingSecurityTest {

  @ParameterizedTest(name = "{0} token is 401")
  @MethodSource("jp.riss.platform.testing.Tokens#badTokens")
  void badTokensAreRejectedByTheServiceItself(String kind, String token) {
    given()
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .body(Listings.body(Listings.uniqueRegistrationNumber()))
        .post(Listings.PATH)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("type", equalTo("https://riss.example/problems/unauthorized"));
  }

  static Stream<Arguments> protectedEndpoints() {
    String id = "00000000-0000-0000-0000-000000000001";
    return Stream.of(
        Arguments.of("POST", Listings.PATH, "ipa-reviewer"),
        Arguments.of("POST", Listings.PATH + "/" + id + "/approve", "specialist"),
        Arguments.of("POST", Listings.PATH + "/" + id + "/withdraw", "company"),
        Arguments.of("PUT", Listings.PATH + "/" + id, "support-body"));
  }

  @ParameterizedTest(name = "{0} {1}: no token 401, role {2} 403")
  @MethodSource("protectedEndpoints")
  void protectedEndpointsNeedTheRightRole(String method, String path, String wrongRole) {
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .request(method, path)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .header("Authorization", "Bearer " + Tokens.of(wrongRole, "w"))
        .contentType(ContentType.JSON)
        .body("{}")
        .request(method, path)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/forbidden"));
  }
}
