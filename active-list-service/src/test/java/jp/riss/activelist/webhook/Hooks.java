package jp.riss.activelist.webhook;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;

/** A support body's client of the webhook API, and a receiver's signature check as documented. */
final class Hooks {

  static final String PATH = "/api/v1/active-list/webhooks";

  private Hooks() {}

  record Registered(String id, String secret) {}

  static RequestSpecification as(String supportBody) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("support-body", supportBody));
  }

  /** Without the contract check of the request: for requests the contract forbids on purpose. */
  static RequestSpecification unchecked(String supportBody) {
    return given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("support-body", supportBody));
  }

  static Registered register(String supportBody, String url) {
    JsonPath created =
        as(supportBody)
            .contentType(ContentType.JSON)
            .body(Map.of("url", url, "description", "CRM of " + supportBody))
            .post(PATH)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Registered(created.getString("id"), created.getString("secret"));
  }

  static List<Map<String, Object>> deliveries(String supportBody, String id) {
    return as(supportBody)
        .get(PATH + "/" + id + "/deliveries")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  /** What an integrator writes from the contract's description, independently of our code. */
  static String expectedSignature(String secret, String timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "v1="
        + HexFormat.of()
            .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
  }
}
