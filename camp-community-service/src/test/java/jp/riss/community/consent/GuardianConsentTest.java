package jp.riss.community.consent;

import static jp.riss.community.CommunityApi.BASE;
import static jp.riss.community.CommunityApi.ME;
import static jp.riss.community.CommunityApi.checked;
import static jp.riss.community.CommunityApi.enrolled;
import static jp.riss.community.CommunityApi.grant;
import static jp.riss.community.CommunityApi.guardianDecides;
import static jp.riss.community.CommunityApi.guardianToken;
import static jp.riss.community.CommunityApi.latestMail;
import static jp.riss.community.CommunityApi.member;
import static jp.riss.community.CommunityApi.office;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.community.MovableClock;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/** Guardians consent scope by scope through signed, single-use, expiring links. */
@QuarkusTest
class GuardianConsentTest {

  private static final String REQUEST = BASE + "/guardian/consent-request";
  private static final String CONSENTS = BASE + "/guardian/consents";

  @Inject MovableClock clock;

  @Test
  void aMinorIsFrozenUntilTheGuardianGrantsMembership() {
    Person p = enrolled(14);
    member(p)
        .get(ME)
        .then()
        .statusCode(200)
        .body("ageBand", equalTo("junior"))
        .body("guardianConsentRequired", equalTo(true));
    member(p)
        .get(CommunityApi.GROUPS)
        .then()
        .statusCode(403)
        .body("type", equalTo("https://riss.example/problems/consent-missing"))
        .body("missingScope", equalTo("membership"));
    String token = guardianToken(p);
    checked()
        .header("X-Guardian-Token", token)
        .get(REQUEST)
        .then()
        .statusCode(200)
        .body("ageBand", equalTo("junior"))
        .body("textVersion", equalTo("2025-1"))
        .body("scopes.scope", hasItem("connect-application"))
        .body("scopes.find { it.scope == 'membership' }.state", equalTo("undecided"));
    guardianDecides(p, Map.of("membership", "grant", "groups", "refuse"));
    member(p)
        .get(ME)
        .then()
        .statusCode(200)
        .body("guardianConsentRequired", equalTo(false))
        .body("scopesInForce", containsInAnyOrder("membership"));
    // Exactly the function whose scope is missing is off.
    member(p)
        .get(CommunityApi.GROUPS)
        .then()
        .statusCode(403)
        .body("missingScope", equalTo("groups"))
        .body("violations[0].field", equalTo("scope"));
  }

  @Test
  void aLinkIsSingleUseSignedAndExpires() {
    Person p = enrolled(16);
    String token = guardianToken(p);
    guardianDecides(p, grant("membership"));
    checked().header("X-Guardian-Token", token).get(REQUEST).then().statusCode(409);
    // A token with a changed signature is not ours.
    String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    checked().header("X-Guardian-Token", forged).get(REQUEST).then().statusCode(404);
    io.restassured.RestAssured.given()
        .filter(Contracts.responseValidator())
        .header("X-Guardian-Token", "not-a-token")
        .get(REQUEST)
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("X-Guardian-Token"));
    member(p).post(ME + "/guardian-links").then().statusCode(202);
    String fresh = guardianToken(p);
    assertNotEquals(token, fresh);
    clock.advance(Duration.ofDays(8));
    try {
      checked().header("X-Guardian-Token", fresh).get(REQUEST).then().statusCode(410);
    } finally {
      clock.reset();
    }
  }

  @Test
  void revocationFreezesAtOnceAndBadDecisionsAreNamed() {
    Person p = CommunityApi.minorWith(15, "membership", "groups");
    member(p).get(CommunityApi.GROUPS).then().statusCode(200);
    member(p).post(ME + "/guardian-links").then().statusCode(202);
    String token = guardianToken(p);
    String version =
        checked()
            .header("X-Guardian-Token", token)
            .get(REQUEST)
            .then()
            .extract()
            .path("textVersion");
    io.restassured.RestAssured.given()
        .filter(Contracts.responseValidator())
        .header("X-Guardian-Token", token)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "textVersion", version, "decisions", Map.of("flying", "grant", "groups", "maybe")))
        .post(CONSENTS)
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("decisions.flying", "decisions.groups"));
    checked()
        .header("X-Guardian-Token", token)
        .contentType(ContentType.JSON)
        .body(Map.of("textVersion", "1999-1", "decisions", Map.of("membership", "refuse")))
        .post(CONSENTS)
        .then()
        .statusCode(409)
        .body("currentTextVersion", equalTo(version));
    checked()
        .header("X-Guardian-Token", token)
        .contentType(ContentType.JSON)
        .body(Map.of("textVersion", version, "decisions", Map.of("membership", "refuse")))
        .post(CONSENTS)
        .then()
        .statusCode(200);
    member(p)
        .get(CommunityApi.GROUPS)
        .then()
        .statusCode(403)
        .body("missingScope", equalTo("membership"));
  }

  @Test
  void onlyTheCampOfficeMakesAnAddressTheGuardians() {
    Person p = CommunityApi.minorWith(13, "membership");
    String requested = CommunityApi.fresh("new-guardian") + "@example.jp";
    member(p)
        .contentType(ContentType.JSON)
        .body(Map.of("email", requested))
        .post(ME + "/guardian-email-change")
        .then()
        .statusCode(202);
    // Asking for a link still mails the address on record, never the requested one.
    member(p).post(ME + "/guardian-links").then().statusCode(202);
    office()
        .queryParam("to", requested)
        .get(CommunityApi.MAILBOX)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    List<Map<String, Object>> pending =
        office()
            .get(BASE + "/guardian-email-changes")
            .then()
            .statusCode(200)
            .extract()
            .path("items.findAll { it.requestedEmail == '" + requested + "' }");
    assertEquals(1, pending.size());
    String oldToken = guardianToken(p);
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("confirm", true))
        .post(BASE + "/guardian-email-changes/" + pending.get(0).get("id") + "/decision")
        .then()
        .statusCode(200)
        .body("state", equalTo("confirmed"));
    checked().header("X-Guardian-Token", oldToken).get(REQUEST).then().statusCode(410);
    String mail = latestMail(requested);
    assertEquals(true, CommunityApi.LINK.matcher(mail).find());
  }

  @Test
  void atEighteenGuardianConsentsLapseUntilTheMemberConfirms() {
    // Turns 18 in two days.
    Person p =
        CommunityApi.enrol(
            CommunityApi.recorded(
                CommunityApi.today().minusYears(18).plusDays(2), "national", 2024));
    guardianDecides(p, grant("membership", "groups", "profile-in-community"));
    member(p).get(ME).then().body("scopesInForce", hasItem("groups"));
    clock.advance(Duration.ofDays(3));
    try {
      member(p)
          .get(ME)
          .then()
          .statusCode(200)
          .body("ageBand", equalTo("adult"))
          .body("ownSettingsPending", equalTo(true))
          .body("scopesInForce", containsInAnyOrder("membership"));
      member(p)
          .get(CommunityApi.GROUPS)
          .then()
          .statusCode(403)
          .body("missingScope", equalTo("groups"));
      member(p)
          .contentType(ContentType.JSON)
          .body(Map.of("scopes", List.of("groups", "surveys")))
          .put(ME + "/settings")
          .then()
          .statusCode(200)
          .body("ownSettingsPending", equalTo(false))
          .body("scopesInForce", containsInAnyOrder("membership", "groups", "surveys"))
          .body("scopesInForce", not(hasItem("publication")));
    } finally {
      clock.reset();
    }
  }
}
