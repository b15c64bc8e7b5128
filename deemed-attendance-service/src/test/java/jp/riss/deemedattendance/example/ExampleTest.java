package jp.riss.deemedattendance.example;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.BASE;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/** IPA administrators manage the example descriptions; the seeded ones are marked as samples. */
@QuarkusTest
class ExampleTest {

  static final String EXAMPLES = BASE + "/examples";

  static io.restassured.specification.RequestSpecification admin(boolean valid) {
    return given()
        .filter(valid ? Contracts.validator() : Contracts.responseValidator())
        .header("Authorization", bearer("ipa-admin", "ipa-admin-1"));
  }

  @Test
  void seededSamplesArePublishedPerArea() {
    admin(true)
        .get(EXAMPLES + "?area=4")
        .then()
        .statusCode(200)
        .body("items.id", hasItem("00000000-0000-4000-8000-000000000401"))
        .body("items.area", everyItem(equalTo(4)));
    admin(true)
        .get(EXAMPLES + "/00000000-0000-4000-8000-000000000101")
        .then()
        .statusCode(200)
        .body("title", org.hamcrest.Matchers.startsWith("【サンプル】"))
        .body("text", org.hamcrest.Matchers.startsWith("（サンプル文例）"));
  }

  @Test
  void createReadAndDelete() {
    // Random text, deleted at the end: no other test's description can resemble it.
    String text = "（テスト用）" + UUID.randomUUID() + UUID.randomUUID() + UUID.randomUUID();
    String id =
        admin(true)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .contentType(ContentType.JSON)
            .body(Map.of("area", 2, "title", "テスト例", "text", text))
            .post(EXAMPLES)
            .then()
            .statusCode(201)
            .body("area", equalTo(2))
            .body("text", equalTo(text))
            .extract()
            .path("id");
    admin(true).get(EXAMPLES + "?area=2").then().statusCode(200).body("items.id", hasItem(id));
    admin(true).delete(EXAMPLES + "/" + id).then().statusCode(204);
    admin(true).get(EXAMPLES + "/" + id).then().statusCode(404);
    admin(true).get(EXAMPLES).then().statusCode(200).body("items.id", not(hasItem(id)));
    admin(true).delete(EXAMPLES + "/" + id).then().statusCode(404);
  }

  @Test
  void badInputIsNamedAndStoresNothing() {
    String text = "短い";
    admin(false)
        .contentType(ContentType.JSON)
        .body(Map.of("area", 9, "title", "", "text", text))
        .post(EXAMPLES)
        .then()
        .statusCode(400)
        .body("violations.field", contains("area", "title", "text"));
    admin(false)
        .get(EXAMPLES + "?area=5")
        .then()
        .statusCode(400)
        .body("violations.field", contains("area"));
    admin(false)
        .get(EXAMPLES + "/x")
        .then()
        .statusCode(400)
        .body("violations.field", contains("id"));
    admin(true).get(EXAMPLES).then().statusCode(200).body("items.text", not(hasItem(text)));
  }
}
