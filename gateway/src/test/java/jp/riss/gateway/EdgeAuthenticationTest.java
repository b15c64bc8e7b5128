package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Only tokens the platform would accept get past the edge; requests without one still pass. */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class EdgeAuthenticationTest {

  @Test
  void aValidTokenIsForwardedUnchanged() {
    String token = Tokens.of("specialist", "spec-1");

    given()
        .header("Authorization", "Bearer " + token)
        .get("/api/v1/active-list/listings/mine")
        .then()
        .statusCode(200)
        .body("service", equalTo("active-list-service"))
        .body("headers.authorization", equalTo("Bearer " + token));
  }

  @Test
  void aValidTokenDoesNotHoldUpTheBody() {
    // Verification runs off the event loop; the body must wait for it, not get lost.
    String body = "{\"title\":\"" + "x".repeat(200_000) + "\"}";

    given()
        .header("Authorization", "Bearer " + Tokens.of("alumni", "alum-1"))
        .contentType("application/json")
        .body(body)
        .post("/api/v1/community/posts")
        .then()
        .statusCode(200)
        .body("body", equalTo(body));
  }

  @Test
  void noTokenPassesForTheServiceToDecide() {
    given()
        .get("/api/v1/guide/steps")
        .then()
        .statusCode(200)
        .body("headers.authorization", nullValue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jp.riss.platform.testing.Tokens#badTokens")
  void aBadTokenIsTurnedAway(String kind, String token) {
    given()
        .header("Authorization", "Bearer " + token)
        .contentType("application/json")
        .body("{\"a\":1}")
        .post("/api/v1/deemed-attendance/applications")
        .then()
        .statusCode(401)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("type", equalTo("https://riss.example/problems/unauthorized"))
        .body("status", equalTo(401))
        .body("service", nullValue());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Basic dXNlcjpwYXNz",
        "Bearer",
        "Bearer ",
        "Bearer not.a.jwt",
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."
      })
  void anythingButAVerifiableBearerTokenIsTurnedAway(String authorization) {
    given()
        .header("Authorization", authorization)
        .get("/api/v1/active-list/listings")
        .then()
        .statusCode(401)
        .contentType(GatewayProblems.MEDIA_TYPE)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("type", equalTo("https://riss.example/problems/unauthorized"));
  }

  @Test
  void theConnectionStaysUsableAfterARefusal() {
    given()
        .header("Authorization", "Bearer " + Tokens.expired("specialist", "spec-1"))
        .body("{\"a\":1}")
        .post("/api/v1/guide/diagnoses")
        .then()
        .statusCode(401);

    given().get("/api/v1/guide/steps").then().statusCode(200);
  }

  @Test
  void aTokenVerifiedBeforeIsRememberedButATamperedCopyOfItIsNot() {
    String token = Tokens.of("specialist", "spec-cached");
    for (int i = 0; i < 3; i++) {
      given()
          .header("Authorization", "Bearer " + token)
          .get("/api/v1/active-list/listings/mine")
          .then()
          .statusCode(200)
          .body("headers.authorization", equalTo("Bearer " + token));
    }
    // Same header and signature, another subject in the payload: verified afresh, and refused.
    String[] parts = token.split("\\.");
    java.util.Base64.Decoder decoder = java.util.Base64.getUrlDecoder();
    String payload =
        new String(decoder.decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
            .replace("spec-cached", "ipa-admin-x");
    String tampered =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + parts[2];

    given()
        .header("Authorization", "Bearer " + tampered)
        .get("/api/v1/active-list/listings/mine")
        .then()
        .statusCode(401)
        .body("type", equalTo("https://riss.example/problems/unauthorized"));
  }
}
