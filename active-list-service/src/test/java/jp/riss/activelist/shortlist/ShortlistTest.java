package jp.riss.activelist.shortlist;

import static io.restassured.RestAssured.given;
import static jp.riss.activelist.inquiry.Matching.bearer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.riss.activelist.inquiry.Matching;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/**
 * Shortlists fit the SME (region, themes) and spread exposure: no company twice, independents and
 * company-affiliated specialists mixed, busy or full specialists lower or out, each with reasons.
 * Each test uses its own prefecture so only its own listings can match.
 */
@QuarkusTest
class ShortlistTest {

  private static JsonPath shortlist(Map<String, Object> profile, Integer k, Long seed) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("profile", profile);
    body.put("k", k);
    body.put("seed", seed);
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("support-body", "sl-chamber"))
        .contentType(ContentType.JSON)
        .body(body)
        .post(Matching.API + "/shortlists")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void oneCandidatePerCompanyAndIndependentsMixedIn() {
    String pref = "36";
    Map<String, Object> acme =
        Map.of("kind", "COMPANY", "companyName", "アクメ株式会社", "sideWork", "COMPANY_CONSULTS_SMES");
    // Three strong candidates from one company, two weaker independents.
    for (int i = 0; i < 3; i++) {
      Matching.publishedListing(
          "sl-acme-" + i,
          "prefectures",
          List.of(pref),
          "themes",
          List.of(1, 2),
          "affiliation",
          acme,
          "firstConsultationFree",
          true);
    }
    String independent1 =
        Matching.publishedListing("sl-ind-1", "prefectures", List.of(pref), "themes", List.of(1));
    String independent2 =
        Matching.publishedListing("sl-ind-2", "prefectures", List.of(pref), "themes", List.of(1));

    JsonPath result = shortlist(Matching.sme("prefecture", pref, "themes", List.of(1, 2)), 3, 42L);

    List<String> companies = result.getList("candidates.companyName");
    assertEquals(1, companies.stream().filter("アクメ株式会社"::equals).count(), "one from the company");
    List<String> ids = result.getList("candidates.listingId");
    assertTrue(ids.containsAll(List.of(independent1, independent2)), "independents fill in");
    assertEquals("COMPANY", result.getString("candidates[0].affiliation"), "best fit first");
    assertEquals(
        List.of(
            "THEME_MATCH:1",
            "THEME_MATCH:2",
            "REGION_MATCH",
            "INDUSTRY_MATCH:E",
            "FORMAT_MATCH:on-site",
            "FIRST_FREE",
            "LOW_LOAD"),
        result.getList("candidates[0].reasons"));
  }

  @Test
  void affiliationDiversityLiftsAnIndependentOverASecondCompanyAffiliatedSpecialist() {
    String pref = "37";
    for (String company : List.of("甲社", "乙社")) {
      Matching.publishedListing(
          "sl-div-" + company,
          "prefectures",
          List.of(pref),
          "themes",
          List.of(3),
          "affiliation",
          Map.of("kind", "COMPANY", "companyName", company, "sideWork", "SIDE_WORK_PERMITTED"),
          "firstConsultationFree",
          true);
    }
    String independent =
        Matching.publishedListing("sl-div-ind", "prefectures", List.of(pref), "themes", List.of(3));

    JsonPath result = shortlist(Matching.sme("prefecture", pref, "themes", List.of(3)), 2, 7L);

    assertEquals(independent, result.getString("candidates[1].listingId"));
    assertTrue(result.getList("candidates[1].reasons").contains("AFFILIATION_DIVERSITY"));
  }

  @Test
  void busySpecialistsRankLowerAndFullOrNotAcceptingOnesAreLeftOut() {
    String pref = "38";
    String busy = Matching.publishedListing("sl-busy", "prefectures", List.of(pref), "capacity", 3);
    String idle = Matching.publishedListing("sl-idle", "prefectures", List.of(pref), "capacity", 3);
    String full = Matching.publishedListing("sl-full", "prefectures", List.of(pref), "capacity", 1);
    String resting =
        Matching.publishedListing(
            "sl-rest",
            "prefectures",
            List.of(pref),
            "availability",
            Map.of("status", "NOT_ACCEPTING"));
    Matching.sent("sl-sme-1", busy, false);
    Matching.sent("sl-sme-2", busy, false);
    Matching.sent("sl-sme-3", full, false);

    JsonPath result = shortlist(Matching.sme("prefecture", pref), 5, 1L);

    assertEquals(List.of(idle, busy), result.getList("candidates.listingId"));
    assertTrue(result.getList("candidates[0].reasons").contains("LOW_LOAD"));
    assertTrue(!result.getList("candidates[1].reasons").contains("LOW_LOAD"));
    assertTrue(!result.getList("candidates.listingId").contains(full));
    assertTrue(!result.getList("candidates.listingId").contains(resting));
  }

  @Test
  void onlineSpecialistsMatchOnlyWhenTheSmeAcceptsOnlineAndThemesMustOverlap() {
    String pref = "39";
    String local = Matching.publishedListing("sl-local", "prefectures", List.of(pref));
    String online =
        Matching.publishedListing(
            "sl-online",
            "prefectures",
            List.of("01"),
            "onlineNationwide",
            true,
            "themes",
            List.of(5, 1));
    String offTheme =
        Matching.publishedListing(
            "sl-offtheme", "prefectures", List.of(pref), "themes", List.of(6));

    JsonPath inPerson = shortlist(Matching.sme("prefecture", pref), 20, 3L);
    assertEquals(List.of(local), inPerson.getList("candidates.listingId"));

    JsonPath remote = shortlist(Matching.sme("prefecture", pref, "acceptsOnline", true), 20, 3L);
    List<String> ids = remote.getList("candidates.listingId");
    assertTrue(ids.contains(local) && ids.contains(online) && !ids.contains(offTheme));
    int onlineAt = ids.indexOf(online);
    assertTrue(remote.getList("candidates[" + onlineAt + "].reasons").contains("ONLINE"));
  }

  @Test
  void theSameSeedGivesTheSameOrderAndSeedsRotateEqualCandidates() {
    String pref = "40";
    for (int i = 0; i < 6; i++) {
      Matching.publishedListing("sl-eq-" + i, "prefectures", List.of(pref));
    }
    Map<String, Object> profile = Matching.sme("prefecture", pref);
    List<String> first = shortlist(profile, 3, 99L).getList("candidates.listingId");
    assertEquals(first, shortlist(profile, 3, 99L).getList("candidates.listingId"));
    Map<String, Integer> firstPlaces = new HashMap<>();
    for (long seed = 0; seed < 20; seed++) {
      firstPlaces.merge(
          shortlist(profile, 3, seed).getString("candidates[0].listingId"), 1, Integer::sum);
    }
    assertTrue(firstPlaces.size() > 1, "equal candidates take turns at the top: " + firstPlaces);
    JsonPath unseeded = shortlist(profile, null, null);
    assertEquals(5, unseeded.getInt("k"));
    assertEquals(
        unseeded.getList("candidates.listingId"),
        shortlist(profile, 5, unseeded.getLong("seed")).getList("candidates.listingId"),
        "the returned seed repeats the answer");
  }

  @Test
  void badProfilesAreNamedFieldByField() {
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("company", "sl-sme"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "profile",
                Matching.sme("prefecture", "99", "preferredFormat", "telepathy"),
                "k",
                21,
                "seed",
                -1))
        .post(Matching.API + "/shortlists")
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("k", "seed"));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("company", "sl-sme"))
        .contentType(ContentType.JSON)
        .body(Map.of("profile", Matching.sme("prefecture", "99", "preferredFormat", "telepathy")))
        .post(Matching.API + "/shortlists")
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("profile.prefecture", "profile.preferredFormat"))
        .body("violations.field", not(hasItem("k")))
        .body("type", equalTo("https://riss.example/problems/validation"));
  }
}
