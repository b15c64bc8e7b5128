package jp.riss.deemedattendance.syllabus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference data is public, yet a caller that sends a bad token is told so (401 problem), never
 * served anonymously by mistake and never answered with a 500.
 */
@QuarkusTest
class SyllabusSecurityTest {

  static Stream<String> publicPaths() {
    return Stream.of(
        SyllabusReferenceTest.ITEMS,
        SyllabusReferenceTest.ITEMS + "/1-1",
        SyllabusReferenceTest.MAPPINGS);
  }

  static Stream<Arguments> badTokensOnPublicPaths() {
    return publicPaths()
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
  @MethodSource("publicPaths")
  void publicReadsNeedNoToken(String path) {
    given().filter(Contracts.validator()).get(path).then().statusCode(200);
  }

  @ParameterizedTest(name = "a valid {0} token may read")
  @ValueSource(strings = {"specialist", "certifier", "ipa-reviewer", "company"})
  void anyValidTokenMayRead(String role) {
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of(role, "reader"))
        .get(SyllabusReferenceTest.ITEMS)
        .then()
        .statusCode(200);
  }
}
