package jp.riss.guide.specialists;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/** Paging through specialists with next links visits each exactly once. */
@QuarkusTest
class SpecialistPagingTest {

  private static final String FIRST = "/api/v1/guide/specialists?theme=6&prefecture=47&limit=3";

  @Test
  void nextLinksVisitEverySpecialistOnceAndTheLastPageHasNone() throws Exception {
    Set<String> published = new HashSet<>();
    try (ListingEvents events = new ListingEvents()) {
      for (int i = 0; i < 7; i++) {
        UUID id = UUID.randomUUID();
        published.add(id.toString());
        events.send(ListingEvents.event(id, "沖縄 " + i, List.of("47"), List.of(6), "PUBLISHED", 1));
      }
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> all().size() == 7);

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String link = FIRST;
    while (link != null) {
      JsonPath page =
          given()
              .filter(Contracts.validator())
              .get(link)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<String> ids = page.getList("items.listingId");
      seen.addAll(ids);
      pageSizes.add(ids.size());
      link = page.getString("next");
    }
    assertEquals(List.of(3, 3, 1), pageSizes);
    assertEquals(published, new HashSet<>(seen));
    assertEquals(7, seen.size(), "no specialist twice");
  }

  @Test
  void theFilterAndLimitStayInTheNextLink() throws Exception {
    try (ListingEvents events = new ListingEvents()) {
      for (int i = 0; i < 2; i++) {
        events.send(
            ListingEvents.event(
                UUID.randomUUID(), "鹿児島 " + i, List.of("46"), List.of(6), "PUBLISHED", 1));
      }
    }
    String page = "/api/v1/guide/specialists?theme=6&prefecture=46&limit=1";
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> given().get(page).then().extract().path("next") != null);
    String next = given().get(page).then().extract().path("next");
    assertEquals(true, next.startsWith("/api/v1/guide/specialists?"), next);
    assertEquals(
        true,
        next.contains("theme=6") && next.contains("prefecture=46") && next.contains("limit=1"),
        next);
  }

  @Test
  void aCursorThisApiDidNotIssueIsNamed() {
    for (String bad : List.of("not-a-cursor", "eyJmb28iOjF9", "%%%")) {
      given()
          .queryParam("cursor", bad)
          .get("/api/v1/guide/specialists")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("violations.field", hasItem("cursor"))
          .body("status", equalTo(400));
    }
  }

  private static List<String> all() {
    return given()
        .get(FIRST.replace("limit=3", "limit=100"))
        .then()
        .extract()
        .path("items.listingId");
  }
}
