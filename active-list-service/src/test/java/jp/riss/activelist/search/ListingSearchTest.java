package jp.riss.activelist.search;

import static io.restassured.RestAssured.given;
import static jp.riss.activelist.search.PublishedListingFixtures.LISTINGS;
import static jp.riss.activelist.search.PublishedListingFixtures.declared;
import static jp.riss.activelist.search.PublishedListingFixtures.ids;
import static jp.riss.activelist.search.PublishedListingFixtures.marker;
import static jp.riss.activelist.search.PublishedListingFixtures.publish;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.listing.ListingTouched;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/** Search as portals use it: filters, Japanese text, facets, fair order, paging, privacy. */
@QuarkusTest
class ListingSearchTest {

  @Inject EntityManager em;
  @Inject ListingSearch search;
  @Inject Event<ListingTouched> touched;

  @Test
  void eachFilterNarrowsToTheListingsThatHaveIt() {
    String m = marker();
    String a =
        publish(
            "search-filters-a",
            declared(
                m,
                "themes",
                List.of(1),
                "prefectures",
                List.of("13"),
                "industries",
                List.of("E"),
                "formats",
                List.of(
                    Map.of("format", "online", "feePerSessionJpy", 20000),
                    Map.of("format", "on-site", "feePerSessionJpy", 30000)),
                "firstConsultationFree",
                true,
                "qualifications",
                List.of("it-coordinator"),
                "engagementLengths",
                List.of("spot")));
    String b =
        publish(
            "search-filters-b",
            declared(
                m,
                "themes",
                List.of(2),
                "prefectures",
                List.of("27"),
                "onlineNationwide",
                true,
                "industries",
                List.of("J"),
                "formats",
                List.of(Map.of("format", "online", "feePerSessionJpy", 50000)),
                "qualifications",
                List.of("cissp"),
                "affiliation",
                Map.of(
                    "kind", "COMPANY",
                    "companyName", "株式会社セキュア",
                    "sideWork", "SIDE_WORK_PERMITTED"),
                "engagementLengths",
                List.of("over-1-year")));
    String q = "q=" + m;
    assertEquals(Set.of(a, b), Set.copyOf(ids(q)));
    assertEquals(List.of(a), ids(q + "&theme=1"));
    assertEquals(Set.of(a, b), Set.copyOf(ids(q + "&theme=1&theme=2")));
    assertEquals(List.of(a), ids(q + "&prefecture=13"));
    assertEquals(Set.of(a, b), Set.copyOf(ids(q + "&prefecture=13&includeOnline=true")));
    assertEquals(List.of(b), ids(q + "&industry=J"));
    assertEquals(List.of(a), ids(q + "&format=on-site"));
    assertEquals(List.of(a), ids(q + "&format=online&maxFee=20000"));
    assertEquals(Set.of(a, b), Set.copyOf(ids(q + "&format=online&maxFee=50000")));
    assertEquals(List.of(a), ids(q + "&firstFree=true"));
    assertEquals(List.of(b), ids(q + "&qualification=cissp"));
    assertEquals(List.of(b), ids(q + "&affiliation=COMPANY"));
    assertEquals(List.of(a), ids(q + "&engagementLength=spot"));
    assertEquals(List.of(), ids(q + "&theme=1&industry=J"));
    // Explicit sort, only when asked: lowest online fee first.
    assertEquals(List.of(a, b), ids(q + "&format=online&sort=fee"));
  }

  @Test
  void listingsMatchingMoreRequestedThemesComeFirst() {
    String m = marker();
    String one = publish("search-match-1", declared(m, "themes", List.of(1)));
    String both = publish("search-match-2", declared(m, "themes", List.of(1, 4)));
    for (int seed = 0; seed < 10; seed++) {
      assertEquals(List.of(both, one), ids("q=" + m + "&theme=1&theme=4&seed=" + seed));
    }
  }

  @Test
  void textSearchFindsPartialWordsWhateverTheWidthCaseOrKana() {
    String m = marker();
    String id =
        publish(
            "search-text",
            declared(
                m,
                "displayName",
                "情報 花子",
                "displayNameKana",
                "じょうほう はなこ",
                "affiliation",
                Map.of(
                    "kind", "COMPANY",
                    "companyName", "株式会社ＡＢＣセキュリティ",
                    "sideWork", "COMPANY_CONSULTS_SMES"),
                "selfIntroduction",
                "情報セキュリティ規程の整備を支援しています。" + m,
                "themes",
                List.of(4),
                "qualifications",
                List.of("it-coordinator"),
                "trackRecords",
                List.of(Map.of("title", "ｸﾗｳﾄﾞ移行の支援", "description", "製造業でのログ監視の導入"))));
    for (String word :
        List.of(
            "規程", // a partial word of the self-introduction
            "ジョウホウ", // the kana name, in katakana
            "はなこ",
            "情報花子", // the name without its space
            "abc", // full-width company name, other case
            "クラウド", // half-width katakana in a track-record title
            "ログ監視", // a track-record description
            "インシデント", // the name of theme 4
            "コーディネータ" // the name of a qualification
            )) {
      assertEquals(List.of(id), ids("q=" + m + " " + word), word);
    }
    assertEquals(List.of(), ids("q=" + m + " 存在しない語"));
  }

  @Test
  void notAcceptingUntilAPastDateCountsAsAcceptingAgain() {
    String m = marker();
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    String back =
        publish(
            "search-back",
            declared(
                m,
                "availability",
                Map.of("status", "NOT_ACCEPTING", "until", today.minusDays(1).toString())));
    publish(
        "search-away",
        declared(m, "availability", Map.of("status", "NOT_ACCEPTING", "until", today.toString())));
    assertEquals(List.of(back), ids("acceptingOnly=true&q=" + m));
    assertEquals(2, ids("q=" + m).size());
  }

  @Test
  void aSpecialistAwayUntilTodayIsBackInSearchOnceTheDayTurns() throws Exception {
    String m = marker();
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    String away =
        publish(
            "search-turn",
            declared(
                m, "availability", Map.of("status", "NOT_ACCEPTING", "until", today.toString())));
    assertEquals(List.of(), ids("acceptingOnly=true&q=" + m));
    try {
      // Nothing about the listing changes at midnight; the next catch-up sees the new day.
      search.catchUp(today.plusDays(1));
      assertEquals(List.of(away), ids("acceptingOnly=true&q=" + m));
    } finally {
      search.catchUp(today);
    }
    assertEquals(List.of(), ids("acceptingOnly=true&q=" + m));
  }

  @Test
  void facetsOfARepeatedSearchFollowEveryChangeOfTheList() {
    String m = marker();
    publish("search-facets-again-1", declared(m, "themes", List.of(3)));
    java.util.function.Supplier<Integer> theme3 =
        () ->
            given()
                .get(LISTINGS + "?q=" + m)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("facets.theme.find { it.code == '3' }.count");
    assertEquals(1, theme3.get());
    assertEquals(1, theme3.get(), "the same search again: the same counts");
    publish("search-facets-again-2", declared(m, "themes", List.of(3)));
    org.awaitility.Awaitility.await().until(() -> theme3.get() == 2);
  }

  @Test
  void facetsCountTheWholeResultSetNotThePage() {
    String m = marker();
    publish("search-facets-1", declared(m, "themes", List.of(1, 4), "prefectures", List.of("13")));
    publish(
        "search-facets-2", declared(m, "themes", List.of(1), "prefectures", List.of("13", "14")));
    publish(
        "search-facets-3",
        declared(
            m,
            "themes",
            List.of(2),
            "prefectures",
            List.of("27"),
            "industries",
            List.of("J"),
            "formats",
            List.of(Map.of("format", "online", "feePerSessionJpy", 10000))));
    JsonPath page =
        given()
            .filter(Contracts.validator())
            .get(LISTINGS + "?limit=1&q=" + m)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, page.getList("items").size());
    assertEquals(3, page.getInt("total"));
    assertEquals(2, page.getInt("facets.theme.find { it.code == '1' }.count"));
    assertEquals(1, page.getInt("facets.theme.find { it.code == '2' }.count"));
    assertEquals(1, page.getInt("facets.theme.find { it.code == '4' }.count"));
    assertEquals(0, page.getInt("facets.theme.find { it.code == '3' }.count"));
    assertEquals(2, page.getInt("facets.prefecture.find { it.code == '13' }.count"));
    assertEquals(1, page.getInt("facets.prefecture.find { it.code == '14' }.count"));
    assertEquals(2, page.getInt("facets.industry.find { it.code == 'E' }.count"));
    assertEquals(1, page.getInt("facets.industry.find { it.code == 'J' }.count"));
    assertEquals(2, page.getInt("facets.format.find { it.code == 'on-site' }.count"));
    assertEquals(1, page.getInt("facets.format.find { it.code == 'online' }.count"));
  }

  @Test
  void specialistsAtCapacityOrNotAcceptingComeLastOrNotAtAll() {
    String m = marker();
    String open = publish("search-capacity-open", declared(m));
    String notAccepting =
        publish(
            "search-capacity-off", declared(m, "availability", Map.of("status", "NOT_ACCEPTING")));
    String full = publish("search-capacity-full", declared(m, "capacity", 2));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              // What the inquiry feature does when inquiries open: load on the listing, a touch.
              em.createNativeQuery(
                      "UPDATE listing SET open_inquiries = capacity, version = version + 1"
                          + " WHERE id = ?1")
                  .setParameter(1, UUID.fromString(full))
                  .executeUpdate();
              touched.fire(new ListingTouched(UUID.fromString(full)));
            });
    for (int seed = 0; seed < 20; seed++) {
      List<String> order = ids("q=" + m + "&seed=" + seed);
      assertEquals(open, order.get(0), "seed " + seed);
      assertEquals(Set.of(notAccepting, full), Set.copyOf(order.subList(1, 3)));
    }
    assertEquals(List.of(open), ids("q=" + m + "&acceptingOnly=true"));
  }

  @Test
  void pagingWithTheCursorIsStableAndComplete() {
    String m = marker();
    Set<String> published = new HashSet<>();
    for (int i = 0; i < 23; i++) {
      published.add(publish("search-paging-" + i, declared(m)));
    }
    List<String> seen = new ArrayList<>();
    String next = LISTINGS + "?limit=5&q=" + m;
    long seed = -1;
    while (next != null) {
      JsonPath page =
          given()
              .filter(Contracts.validator())
              .urlEncodingEnabled(false)
              .get(next)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertEquals(23, page.getInt("total"));
      if (seed >= 0) {
        assertEquals(seed, page.getLong("seed"), "the cursor keeps the session's seed");
      }
      seed = page.getLong("seed");
      seen.addAll(page.getList("items.id", String.class));
      next = page.getString("next");
    }
    assertEquals(23, seen.size(), "no duplicates: " + seen);
    assertEquals(published, Set.copyOf(seen), "no gaps");
    // The same seed reproduces the order; another seed rotates it.
    List<String> again = ids("limit=23&q=" + m + "&seed=" + seed);
    assertEquals(seen, again);
    assertNotEquals(seen, ids("limit=23&q=" + m + "&seed=" + (seed + 1)));
  }

  @Test
  void contactDetailsNeverAppearInResultsEvenWhenPublic() {
    String m = marker();
    String email = m + "@example.jp";
    String id =
        publish(
            "search-contact",
            declared(
                m,
                "contact",
                Map.of("email", email, "phone", "03-9876-5432", "publiclyVisible", true)));
    given().get(LISTINGS + "/" + id).then().statusCode(200).body(containsString(email));
    given()
        .filter(Contracts.validator())
        .get(LISTINGS + "?q=" + m)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id))
        .body(not(containsString(email)))
        .body(not(containsString("03-9876-5432")))
        .body("items[0].contact", nullValue())
        .body("items[0].ownerSubject", nullValue())
        .body("items[0].statusReason", nullValue());
  }

  @Test
  void theIndexFollowsPublishUpdateAndWithdraw() {
    String m = marker();
    String owner = "search-refresh-owner";
    String id = PublishedListingFixtures.create(owner, declared(m));
    assertEquals(List.of(), ids("q=" + m), "a draft is not searchable");
    PublishedListingFixtures.publishDraft(owner, id);
    org.awaitility.Awaitility.await().until(() -> ids("q=" + m).equals(List.of(id)));

    String etag =
        given()
            .header(
                "Authorization",
                "Bearer " + jp.riss.platform.testing.Tokens.of("specialist", owner))
            .get(LISTINGS + "/" + id)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    given()
        .filter(Contracts.validator())
        .header(
            "Authorization", "Bearer " + jp.riss.platform.testing.Tokens.of("specialist", owner))
        .header("If-Match", etag)
        .contentType("application/json")
        .body(declared(m, "displayName", "改名 次郎", "themes", List.of(3)))
        .put(LISTINGS + "/" + id)
        .then()
        .statusCode(200);
    org.awaitility.Awaitility.await()
        .until(() -> ids("q=" + m + " 改名&theme=3").equals(List.of(id)));
    assertEquals(List.of(), ids("q=" + m + "&theme=1"));

    given()
        .header(
            "Authorization", "Bearer " + jp.riss.platform.testing.Tokens.of("specialist", owner))
        .post(LISTINGS + "/" + id + "/withdraw")
        .then()
        .statusCode(200);
    org.awaitility.Awaitility.await().until(() -> ids("q=" + m).isEmpty());
  }

  @Test
  void changesCommittedElsewhereArriveWithTheCatchUp() {
    String m = marker();
    String id = publish("search-catch-up", declared(m));
    // Another replica's change: no touch reaches this process, only updated_at tells.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE listing SET status = 'SUSPENDED', version = version + 1,"
                            + " updated_at = now() WHERE id = ?1")
                    .setParameter(1, UUID.fromString(id))
                    .executeUpdate());
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> ids("q=" + m).isEmpty());
  }

  @Test
  void inquiryLoadChangedElsewhereArrivesWithTheCatchUp() {
    String m = marker();
    String id = publish("search-load-catch-up", declared(m));
    // Another replica took the last places: only load_changed_at tells (updated_at must not).
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE listing SET open_inquiries = capacity, load_changed_at = now()"
                            + " WHERE id = ?1")
                    .setParameter(1, UUID.fromString(id))
                    .executeUpdate());
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> ids("acceptingOnly=true&q=" + m).isEmpty());
    org.junit.jupiter.api.Assertions.assertEquals(List.of(id), ids("q=" + m));
  }

  @Test
  void resultsAreContractShapedSummaries() {
    String m = marker();
    String id = publish("search-shape", declared(m));
    given()
        .filter(Contracts.validator())
        .get(LISTINGS + "?q=" + m)
        .then()
        .statusCode(200)
        .body("items[0].id", equalTo(id))
        .body("items[0].displayName", equalTo("検索 太郎"))
        .body("items[0].formats[0].feePerSessionJpy", equalTo(30000))
        .body("items[0].availability.status", equalTo("ACCEPTING"))
        .body("next", nullValue());
  }
}
