package jp.riss.guide.organisation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;

/** Organisations for tests, made through the API as a company would. */
public final class Orgs {

  public static final String PATH = "/api/v1/guide/organisations";

  private Orgs() {}

  public static RequestSpecification as(String role, String subject) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of(role, subject));
  }

  /** For requests the contract forbids on purpose: only the answer is checked against it. */
  public static RequestSpecification asRaw(String role, String subject) {
    return given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of(role, subject));
  }

  public static Map<String, Object> data(int concurrent, int dedicated, boolean statistics) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "株式会社テスト工業");
    body.put("prefecture", "13");
    body.put("jsicDivision", "E");
    body.put("employeeBand", "21-50");
    body.put("securityStaff", Map.of("concurrent", concurrent, "dedicated", dedicated));
    body.put("statisticsConsent", statistics);
    return body;
  }

  /** A new organisation of {@code company}; its id. */
  public static String create(String company, Map<String, Object> data) {
    return as("company", company)
        .contentType(ContentType.JSON)
        .body(data)
        .post(PATH)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String create(String company, int concurrent, int dedicated) {
    return create(company, data(concurrent, dedicated, true));
  }

  public static void grant(String company, String organisation, String supportBody) {
    as("company", company)
        .put(PATH + "/" + organisation + "/consents/" + supportBody)
        .then()
        .statusCode(201);
  }
}
