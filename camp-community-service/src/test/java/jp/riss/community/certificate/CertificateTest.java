package jp.riss.community.certificate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/**
 * A member obtains a signed certificate of their verified completion; anyone with the code learns
 * the programme, edition and year and nothing about the person; once the camp office no longer
 * verifies the completion, the code stops verifying.
 */
@QuarkusTest
class CertificateTest {

  static final String MINE = CommunityApi.BASE + "/certificates";
  static final String PUBLIC = CommunityApi.BASE + "/certificates/";

  @Test
  void aCertificateVerifiesUntilTheCompletionIsRevoked() {
    Person p = CommunityApi.enrolled(27);
    Map<String, Object> cert =
        CommunityApi.member(p)
            .contentType(ContentType.JSON)
            .body(Map.of("programme", "national", "fiscalYear", 2024))
            .post(MINE)
            .then()
            .statusCode(201)
            .body("programme", equalTo("national"))
            .body("fiscalYear", equalTo(2024))
            .extract()
            .as(Map.class);
    String code = (String) cert.get("verificationCode");
    String body =
        given()
            .filter(Contracts.validator())
            .get(PUBLIC + code)
            .then()
            .statusCode(200)
            .body("programme", equalTo("national"))
            .body("fiscalYear", equalTo(2024))
            .body("verified", equalTo(true))
            .extract()
            .asString();
    for (String secret :
        List.of((String) cert.get("holderName"), p.personRef(), p.email(), p.memberId())) {
      assertFalse(body.contains(secret), "the public check shows " + secret);
    }

    // The camp office no longer verifies that completion: the same row, verified false.
    Map<String, Object> row =
        CommunityApi.row(
            p.personRef() + "-c1",
            p.personRef(),
            p.email(),
            CommunityApi.today().minusYears(27).minusDays(30),
            p.guardianEmail(),
            "national",
            2024);
    row.put("verified", false);
    CommunityApi.importRows(List.of(row));
    given()
        .filter(Contracts.validator())
        .get(PUBLIC + code)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void onlyOwnVerifiedCompletionsAndWellFormedCodes() {
    Person p = CommunityApi.enrolled(25);
    CommunityApi.member(p)
        .contentType(ContentType.JSON)
        .body(Map.of("programme", "junior", "fiscalYear", 2024))
        .post(MINE)
        .then()
        .statusCode(404);
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + p.token())
        .contentType(ContentType.JSON)
        .body(Map.of("programme", "NATIONAL!", "fiscalYear", 1999))
        .post(MINE)
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("programme", "fiscalYear"));
    given()
        .filter(Contracts.responseValidator())
        .get(PUBLIC + "AAAA-BBBB-CCCC")
        .then()
        .statusCode(404);
    given().filter(Contracts.responseValidator()).get(PUBLIC + "not-a-code").then().statusCode(400);
    given()
        .filter(Contracts.responseValidator())
        .get(PUBLIC + "AAAA-BBBB-CCCC?who=1")
        .then()
        .statusCode(400);
  }
}
