package jp.riss.activelist.webhook;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registering and managing webhooks: bad input refused whole, and each owner sees only theirs. */
@QuarkusTest
class WebhookApiTest {

  private static final String PUBLIC_URL = "https://93.184.216.34/riss";

  @Inject AgroalDataSource dataSource;

  @AfterEach
  void deleteSubscriptions() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM webhook_subscription")) {
      ps.executeUpdate();
    }
  }

  private static void refused(Map<String, Object> body, String field) {
    Hooks.unchecked("cci-input")
        .contentType(ContentType.JSON)
        .body(body)
        .post(Hooks.PATH)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem(field));
  }

  private static Map<String, Object> body(Object... keysAndValues) {
    Map<String, Object> body = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      body.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return body;
  }

  @Test
  void badRegistrationsAreProblemsNamingTheFieldAndStoreNothing() throws Exception {
    refused(body("description", "no url"), "url");
    refused(body("url", "https://10.0.0.8/hook"), "url");
    refused(body("url", "https://169.254.169.254/latest/meta-data/"), "url");
    refused(body("url", "http://93.184.216.34/hook"), "url");
    refused(body("url", "https://crm.example.invalid/hook"), "url");
    refused(body("url", "not a url"), "url");
    refused(body("url", PUBLIC_URL, "description", "x".repeat(201)), "description");
    refused(body("url", PUBLIC_URL, "cursor", "not-a-cursor"), "cursor");
    refused(body("url", PUBLIC_URL, "secret", "mine"), "secret");
    // A snapshot cursor is not a place to continue from.
    refused(body("url", PUBLIC_URL, "cursor", "eyJhZnRlciI6MCwic25hcHNob3RVcFRvIjo1fQ"), "cursor");
    assertEquals(0, count("SELECT count(*) FROM webhook_subscription"));
  }

  @Test
  void aRetriedRegistrationWithTheSameKeyCreatesOneWebhook() throws Exception {
    String key = UUID.randomUUID().toString();
    String first =
        Hooks.as("cci-retry")
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(Map.of("url", PUBLIC_URL))
            .post(Hooks.PATH)
            .then()
            .statusCode(201)
            .header("Location", notNullValue())
            .extract()
            .path("id");
    Hooks.as("cci-retry")
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(Map.of("url", PUBLIC_URL))
        .post(Hooks.PATH)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    assertEquals(1, count("SELECT count(*) FROM webhook_subscription"));
  }

  @Test
  void eachSupportBodySeesAndManagesOnlyItsOwnWebhooks() {
    Hooks.Registered mine = Hooks.register("cci-mine", PUBLIC_URL);
    Hooks.register("cci-mine", PUBLIC_URL + "/2");
    String path = Hooks.PATH + "/" + mine.id();
    String redeliver = path + "/deliveries/" + UUID.randomUUID() + "/redeliver";

    Hooks.as("cci-other").get(Hooks.PATH).then().statusCode(200).body("items", empty());
    Hooks.as("cci-other").get(path).then().statusCode(404);
    Hooks.as("cci-other").get(path + "/deliveries").then().statusCode(404);
    Hooks.as("cci-other").post(path + "/secret").then().statusCode(404);
    Hooks.as("cci-other").delete(path + "/secret/previous").then().statusCode(404);
    Hooks.as("cci-other").post(path + "/ping").then().statusCode(404);
    Hooks.as("cci-other").post(redeliver).then().statusCode(404);
    Hooks.as("cci-other").delete(path).then().statusCode(404);
    // The same answer as for an id that does not exist at all.
    Hooks.as("cci-other").get(Hooks.PATH + "/" + UUID.randomUUID()).then().statusCode(404);

    // The owner pages through their own, oldest first, without secrets.
    String next =
        Hooks.as("cci-mine")
            .queryParam("limit", 1)
            .get(Hooks.PATH)
            .then()
            .statusCode(200)
            .body("items.id", contains(mine.id()))
            .body("items[0].secret", nullValue())
            .extract()
            .path("next");
    Hooks.as("cci-mine")
        .get(next)
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].url", equalTo(PUBLIC_URL + "/2"))
        .body("next", nullValue());
    Hooks.as("cci-mine").post(redeliver).then().statusCode(404);

    // As a client generated from the contract asks: the 204 has no body, so it accepts only the
    // problem type of the errors.
    Hooks.as("cci-mine").accept("application/problem+json").delete(path).then().statusCode(204);
    Hooks.as("cci-mine").get(path).then().statusCode(404);
  }

  @Test
  void malformedIdsAndPagingParametersAreProblemsNamingThem() {
    Hooks.unchecked("cci-ids")
        .get(Hooks.PATH + "/not-a-uuid")
        .then()
        .statusCode(400)
        .body("violations.field", contains("id"));
    Hooks.Registered hook = Hooks.register("cci-ids", PUBLIC_URL);
    Hooks.unchecked("cci-ids")
        .post(Hooks.PATH + "/" + hook.id() + "/deliveries/nope/redeliver")
        .then()
        .statusCode(400)
        .body("violations.field", contains("deliveryId"));
    Hooks.unchecked("cci-ids")
        .queryParam("limit", 0)
        .get(Hooks.PATH + "/" + hook.id() + "/deliveries")
        .then()
        .statusCode(400)
        .body("violations.field", contains("limit"));
    Hooks.unchecked("cci-ids")
        .queryParam("cursor", "eyJjcmVhdGVkQXQiOiJ4In0")
        .get(Hooks.PATH)
        .then()
        .statusCode(400)
        .body("violations.field", contains("cursor"));
  }

  @Test
  void aSupportBodyHasAtMostTenWebhooks() throws Exception {
    for (int i = 0; i < 10; i++) {
      Hooks.register("cci-many", PUBLIC_URL + "/" + i);
    }
    Hooks.as("cci-many")
        .contentType(ContentType.JSON)
        .body(Map.of("url", PUBLIC_URL + "/11"))
        .post(Hooks.PATH)
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/webhook-limit"));
    assertEquals(10, count("SELECT count(*) FROM webhook_subscription"));
  }

  private long count(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
