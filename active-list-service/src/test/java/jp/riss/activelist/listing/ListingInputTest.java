package jp.riss.activelist.listing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx problem naming the field, and nothing stored changes. */
@QuarkusTest
class ListingInputTest {

  @Inject AgroalDataSource dataSource;
  private long rowsBefore;

  @BeforeEach
  void countRows() throws SQLException {
    rowsBefore = rows();
  }

  @AfterEach
  void nothingWasStored() throws SQLException {
    assertEquals(rowsBefore, rows(), "bad input must not change stored listings or events");
  }

  /** An otherwise valid create body, left open after the self-declared object's first fields. */
  private static final String SELF_DECLARED_OPEN =
      "{\"registrationNumber\":\"012345\",\"selfDeclared\":{\"displayName\":\"x\","
          + "\"affiliation\":{\"kind\":\"INDEPENDENT\"},\"availability\":{\"status\":\"ACCEPTING\"},";

  private ValidatableResponse post(String json) {
    return given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "input-tester"))
        .contentType(ContentType.JSON)
        .body(json)
        .post(Listings.PATH)
        .then()
        .contentType("application/problem+json")
        .body("status", not(equalTo(500)));
  }

  @Test
  void malformedJsonIs400() {
    post("{\"registrationNumber\": \"012345\",")
        .statusCode(400)
        .body("type", equalTo("https://riss.example/problems/malformed-request"))
        .body("detail", not(containsString("Exception")));
  }

  @Test
  void jsonBrokenOffInsideAValueIsMalformedNotAField() {
    post("{\"registrationNumber\":\"012345\",\"selfDeclared\":{\"prefectures\":[\"13\",")
        .statusCode(400)
        .body("type", equalTo("https://riss.example/problems/malformed-request"));
  }

  @Test
  void unknownPropertyIsNamed() {
    post(SELF_DECLARED_OPEN + "\"themes\":[1],\"paidRank\":1}}")
        .statusCode(400)
        .body("violations.field", hasItem("selfDeclared.paidRank"));
  }

  @Test
  void aVerifiedFactCannotBeDeclared() {
    post(SELF_DECLARED_OPEN
            + "\"themes\":[1]},\"verified\":{\"platformEngagements\":{\"completed\":9}}}")
        .statusCode(400)
        .body("violations.field", hasItem("verified"));
  }

  @Test
  void wrongTypeIsNamedWithItsPath() {
    post(SELF_DECLARED_OPEN + "\"themes\":[\"one\"]}}")
        .statusCode(400)
        .body("violations.field", hasItem("selfDeclared.themes[0]"))
        .body("violations.message", hasItem("must be a number"));
  }

  @Test
  void missingAndInvalidFieldsAreAllListed() {
    post("{\"registrationNumber\":\"12-45\",\"selfDeclared\":{\"prefectures\":[\"Tokyo\"],"
            + "\"affiliation\":{\"kind\":\"INDEPENDENT\"},\"themes\":[],"
            + "\"contact\":{\"email\":\"not-an-address\"},"
            + "\"formats\":[{\"format\":\"online\",\"feePerSessionJpy\":-1}]}}")
        .statusCode(400)
        .body("type", equalTo("https://riss.example/problems/validation"))
        .body("violations.field", hasItem("registrationNumber"))
        .body("violations.field", hasItem("selfDeclared.displayName"))
        .body("violations.field", hasItem("selfDeclared.availability"))
        .body("violations.field", hasItem("selfDeclared.prefectures[0]"))
        .body("violations.field", hasItem("selfDeclared.contact.email"))
        .body("violations.field", hasItem("selfDeclared.formats[0].feePerSessionJpy"));
  }

  @Test
  void codesOutsideTheReferenceDataAreRefused() {
    post("{\"registrationNumber\":\"012399\",\"selfDeclared\":{\"displayName\":\"x\","
            + "\"affiliation\":{\"kind\":\"COMPANY\"},\"availability\":{\"status\":\"ACCEPTING\"},"
            + "\"prefectures\":[\"13\",\"48\"],\"themes\":[1,77],"
            + "\"syllabusItems\":[\"4-9\"],\"engagementLengths\":[\"forever\"],"
            + "\"qualifications\":[\"wizard\"],"
            + "\"formats\":[{\"format\":\"online\"},{\"format\":\"telepathy\"}]}}")
        .statusCode(400)
        .body("violations.field", hasItem("selfDeclared.prefectures[1]"))
        .body("violations.field", hasItem("selfDeclared.themes[1]"))
        .body("violations.field", hasItem("selfDeclared.syllabusItems[0]"))
        .body("violations.field", hasItem("selfDeclared.engagementLengths[0]"))
        .body("violations.field", hasItem("selfDeclared.qualifications[0]"))
        .body("violations.field", hasItem("selfDeclared.formats[1].format"))
        .body("violations.field", hasItem("selfDeclared.affiliation.companyName"));
  }

  @Test
  void emptyBodyIs400() {
    post("").statusCode(400);
  }

  @Test
  void oversizeBodyIs413() {
    String huge = "{\"displayName\":\"" + "x".repeat(1_100_000) + "\"}";
    post(huge)
        .statusCode(413)
        .body("type", equalTo("https://riss.example/problems/payload-too-large"));
  }

  @Test
  void pathIdThatIsNotAnIdIsNamed() {
    given()
        .get(Listings.PATH + "/not-a-uuid")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("id"));
    given()
        .header("Authorization", "Bearer " + Tokens.of("ipa-reviewer", "r"))
        .post(Listings.PATH + "/12345/approve")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("id"));
  }

  @Test
  void wrongMediaTypeIs415() {
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "input-tester"))
        .contentType(ContentType.TEXT)
        .body("registrationNumber=012345")
        .post(Listings.PATH)
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void unknownPathIsAProblem() {
    given()
        .get("/api/v1/active-list/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private long rows() throws SQLException {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT (SELECT count(*) FROM listing) + (SELECT count(*) FROM outbox)")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
