package jp.riss.deemedattendance.syllabus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** IPA administrators decide which sub-items are shaded, without code and without races. */
@QuarkusTest
public class SyllabusShadingTest {

  private static final String ITEMS = "/api/v1/deemed-attendance/syllabus-items/";

  static String etag(String code) {
    return given().get(ITEMS + code).then().statusCode(200).extract().header("ETag");
  }

  /** Sets the flag as an IPA administrator would, with the ETag just read. */
  public static void shade(String code, boolean shaded) {
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "ipa-admin-1"))
        .header("If-Match", etag(code))
        .contentType(ContentType.JSON)
        .body(Map.of("shaded", shaded))
        .put(ITEMS + code)
        .then()
        .statusCode(200)
        .body("shaded", equalTo(shaded));
  }

  @Test
  void anAdministratorShadesASubItemAndEveryoneSeesIt() {
    String before = etag("3-11");
    shade("3-11", true);
    try {
      given().get(ITEMS + "3-11").then().statusCode(200).body("shaded", equalTo(true));
      given()
          .get("/api/v1/deemed-attendance/syllabus-items?area=3")
          .then()
          .body("items.find { it.code == '3-11' }.shaded", equalTo(true));
      assertNotEquals(before, etag("3-11"), "a change is a new version");
    } finally {
      shade("3-11", false);
    }
  }

  @Test
  void aStaleOrMissingETagChangesNothing() {
    String stale = etag("2-8");
    shade("2-8", true);
    try {
      given()
          .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "ipa-admin-2"))
          .header("If-Match", stale)
          .contentType(ContentType.JSON)
          .body(Map.of("shaded", false))
          .put(ITEMS + "2-8")
          .then()
          .statusCode(412);
      given()
          .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "ipa-admin-2"))
          .contentType(ContentType.JSON)
          .body(Map.of("shaded", false))
          .put(ITEMS + "2-8")
          .then()
          .statusCode(428);
      given().get(ITEMS + "2-8").then().body("shaded", equalTo(true));
    } finally {
      shade("2-8", false);
    }
  }

  @Test
  void badInputIsNamed() {
    String admin = "Bearer " + Tokens.of("ipa-admin", "ipa-admin-3");
    given()
        .header("Authorization", admin)
        .header("If-Match", etag("1-1"))
        .contentType(ContentType.JSON)
        .body("{\"shaded\": \"maybe\"}")
        .put(ITEMS + "1-1")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("shaded"));
    given()
        .header("Authorization", admin)
        .header("If-Match", "\"0\"")
        .contentType(ContentType.JSON)
        .body(Map.of("shaded", true))
        .put(ITEMS + "9-9")
        .then()
        .statusCode(404);
    given()
        .header("Authorization", admin)
        .header("If-Match", "\"0\"")
        .contentType(ContentType.JSON)
        .body(Map.of("shaded", true))
        .put(ITEMS + "one")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("code"));
    given().get(ITEMS + "1-1").then().body("shaded", equalTo(false));
  }

  @Test
  void onlyIpaAdministratorsShade() {
    for (String role :
        List.of(
            "specialist",
            "certifier",
            "company",
            "support-body",
            "alumni",
            "camp-office",
            "ipa-reviewer")) {
      given()
          .header("Authorization", "Bearer " + Tokens.of(role, "x"))
          .header("If-Match", etag("1-2"))
          .contentType(ContentType.JSON)
          .body(Map.of("shaded", true))
          .put(ITEMS + "1-2")
          .then()
          .statusCode(403);
    }
    given()
        .header("If-Match", etag("1-2"))
        .contentType(ContentType.JSON)
        .body(Map.of("shaded", true))
        .put(ITEMS + "1-2")
        .then()
        .statusCode(401);
    given().get(ITEMS + "1-2").then().body("shaded", equalTo(false));
  }
}
