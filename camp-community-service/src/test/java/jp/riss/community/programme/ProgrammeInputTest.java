package jp.riss.community.programme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad codes get a 400 problem naming `code`; unknown ones a 404 problem; never a 500. */
@QuarkusTest
class ProgrammeInputTest {

  // Codes are at most 40 characters.
  private static final String FORTY = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  private static final String FORTY_ONE = FORTY + "a";

  @ParameterizedTest(name = "code {0} is 400")
  @ValueSource(
      strings = {"National", "1st", "-next", "next_camp", "a b", "ネクスト", "next.camp", FORTY_ONE})
  void malformedCodeIsNamed(String code) {
    given()
        .filter(Contracts.responseValidator())
        .get(ProgrammeReferenceTest.PROGRAMMES + "/" + code)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/validation"))
        .body("violations.field", contains("code"));
  }

  @ParameterizedTest(name = "code {0} is 404")
  @ValueSource(strings = {"global", "nationals", "x", "next-", FORTY})
  void unknownCodeIsNotFound(String code) {
    given()
        .filter(Contracts.responseValidator())
        .get(ProgrammeReferenceTest.PROGRAMMES + "/" + code)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/not-found"));
  }
}
