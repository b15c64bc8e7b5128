package jp.riss.guide.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jp.riss.platform.security.VerifiedTokens;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The service verifies a bearer token once and remembers it until it expires (the platform's token
 * parser), and remembering never lets a different token through: not one whose payload was changed
 * under the remembered token's signature, not one signed with another key.
 */
@QuarkusTest
class RememberedTokensTest {

  private static final String ORG =
      "/api/v1/guide/organisations/00000000-0000-4000-8000-00000000beef";

  @Inject VerifiedTokens verifiedTokens;

  @Test
  void aVerifiedTokenIsRememberedForTheNextRequests() {
    String token = Tokens.of("company", "company-remembered");
    assertNull(verifiedTokens.get(token));

    given().auth().oauth2(token).get(ORG).then().statusCode(404);

    assertEquals("company-remembered", verifiedTokens.get(token).getSubject());
    given().auth().oauth2(token).get(ORG).then().statusCode(404);
  }

  @Test
  void aPayloadChangedUnderARememberedSignatureIsRefused() {
    String token = Tokens.of("company", "company-a");
    given().auth().oauth2(token).get(ORG).then().statusCode(404);

    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("company-a", "company-b");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    given()
        .auth()
        .oauth2(forged)
        .get(ORG)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("status", equalTo(401));
    assertNull(verifiedTokens.get(forged));
  }

  @Test
  void theSameClaimsSignedWithAnotherKeyAreRefusedAfterTheRealTokenWasRemembered() {
    given().auth().oauth2(Tokens.of("company", "company-c")).get(ORG).then().statusCode(404);

    given()
        .auth()
        .oauth2(Tokens.wronglySigned("company", "company-c"))
        .get(ORG)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }
}
