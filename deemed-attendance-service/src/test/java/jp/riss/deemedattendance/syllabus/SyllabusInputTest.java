package jp.riss.deemedattendance.syllabus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad parameters get a 400 problem naming them; unknown things a 404 problem; never a 500. */
@QuarkusTest
class SyllabusInputTest {

  @ParameterizedTest(name = "area={0} is 400")
  @ValueSource(strings = {"0", "5", "x", "", "1.5", "-1", "99999999999", "１"})
  void areaOutsideTheSyllabusIsNamed(String area) {
    given()
        .filter(Contracts.responseValidator())
        .queryParam("area", area)
        .get(SyllabusReferenceTest.ITEMS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/validation"))
        .body("violations.field", contains("area"));
  }

  @Test
  void areaGivenTwiceIsNamed() {
    given()
        .filter(Contracts.responseValidator())
        .queryParam("area", 1, 2)
        .get(SyllabusReferenceTest.ITEMS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", contains("area"));
  }

  @ParameterizedTest(name = "code {0} is 400")
  @ValueSource(strings = {"1", "abc", "1-1-1", "1_1", "１-１", "-1", "123-1", "1-"})
  void malformedCodeIsNamed(String code) {
    given()
        .filter(Contracts.responseValidator())
        .get(SyllabusReferenceTest.ITEMS + "/" + code)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/validation"))
        .body("violations.field", contains("code"));
  }

  @ParameterizedTest(name = "code {0} is 404")
  @ValueSource(strings = {"1-8", "2-9", "3-12", "4-5", "5-1", "0-0", "01-1"})
  void unknownCodeIsNotFound(String code) {
    given()
        .filter(Contracts.responseValidator())
        .get(SyllabusReferenceTest.ITEMS + "/" + code)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("https://riss.example/problems/not-found"));
  }

  @Test
  void unknownPathIsAProblem() {
    given()
        .get("/api/v1/deemed-attendance/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }
}
