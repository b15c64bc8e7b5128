package jp.riss.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Public reads need no token, any valid token may read them, and a caller that presents a bad token
 * is told so (401 problem) — never served anonymously by mistake, never a 500. Every request and
 * response is checked against the module's contract. Extend it with the module's public paths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PublicReadChecks {

  /** Paths that answer 200 to an anonymous GET. */
  protected abstract List<String> publicPaths();

  Stream<String> paths() {
    return publicPaths().stream();
  }

  Stream<Arguments> badTokensOnPublicPaths() {
    return paths()
        .flatMap(
            path -> Tokens.badTokens().map(bad -> Arguments.of(path, bad.get()[0], bad.get()[1])));
  }

  @ParameterizedTest(name = "{0}: {1} token is 401")
  @MethodSource("badTokensOnPublicPaths")
  void badTokenIsRejectedEvenOnPublicReads(String path, String kind, String token) {
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + token)
        .get(path)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("type", equalTo("https://riss.example/problems/unauthorized"));
  }

  @ParameterizedTest(name = "{0} needs no token")
  @MethodSource("paths")
  void publicReadsNeedNoToken(String path) {
    given().filter(Contracts.validator()).get(path).then().statusCode(200);
  }

  @ParameterizedTest(name = "a valid {0} token may read")
  @ValueSource(
      strings = {
        "specialist",
        "support-body",
        "company",
        "certifier",
        "alumni",
        "camp-office",
        "ipa-reviewer",
        "ipa-admin"
      })
  void anyValidTokenMayRead(String role) {
    for (String path : publicPaths()) {
      given()
          .filter(Contracts.validator())
          .header("Authorization", "Bearer " + Tokens.of(role, "reader"))
          .get(path)
          .then()
          .statusCode(200);
    }
  }
}
