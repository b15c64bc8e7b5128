package jp.riss.guide.links;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The link checker against a local web site that answers 200, 301, 404, 500, never, 405 to HEAD,
 * and in a loop; plus an address the SSRF guard refuses. Checks are on demand (the monthly schedule
 * is off in tests) and name their resources, so nothing outside this machine is called.
 */
@QuarkusTest
class LinkCheckTest {

  private static final String RESOURCES = "/api/v1/guide/resources";

  @Inject LinkCheckConfig config;

  private static RequestSpecification admin() {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "link-editor"));
  }

  private static int addResource(String label, String url) {
    return admin()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "labelJa",
                label,
                "labelEn",
                label,
                "publisher",
                "test",
                "kind",
                "page",
                "steps",
                List.of(1),
                "url",
                url))
        .post(RESOURCES)
        .then()
        .statusCode(201)
        .body("linkState", equalTo("unchecked"))
        .extract()
        .path("number");
  }

  private static JsonPath runToTheEnd(List<Integer> numbers) {
    String location =
        admin()
            .contentType(ContentType.JSON)
            .body(Map.of("resources", numbers))
            .post("/api/v1/guide/link-checks")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> admin().get(location).then().extract().path("finishedAt") != null);
    return admin().get(location).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void everyKindOfAnswerIsRecordedAndFlagged() throws Exception {
    try (LocalSite site = new LocalSite()) {
      Map<String, Integer> resources = new LinkedHashMap<>();
      for (String path : List.of("/ok", "/old", "/gone", "/broken", "/hang", "/no-head", "/loop")) {
        resources.put(path, addResource("link " + path, site.url(path)));
      }
      // The SSRF guard on every hop: a redirect to a private address is not followed.
      resources.put("private", addResource("to the intranet", site.url("/to-intranet")));

      JsonPath run = runToTheEnd(new ArrayList<>(resources.values()));
      assertEquals("on-demand", run.getString("trigger"));
      assertEquals(resources.size(), run.getInt("planned"));
      assertEquals(resources.size(), run.getInt("checked"));

      state(resources.get("/ok"), "ok", 200, false).body("lastCheck.finalUrl", equalTo(null));
      state(resources.get("/old"), "moved", 200, true)
          .body("lastCheck.finalUrl", equalTo(site.url("/ok")));
      state(resources.get("/gone"), "dead", 404, true);
      state(resources.get("/broken"), "failing", 500, true)
          .body("lastCheck.error", equalTo("answered HTTP 500"));
      state(resources.get("/hang"), "failing", null, true)
          .body("lastCheck.error", equalTo("timed out"));
      // HEAD refused, GET answered: the link is fine.
      state(resources.get("/no-head"), "ok", 200, false);
      state(resources.get("/loop"), "failing", 302, true)
          .body("lastCheck.error", equalTo("more than 3 redirects"));
      state(resources.get("private"), "failing", null, true)
          .body("lastCheck.error", containsString("private address 10.1.2.3"))
          .body("lastCheck.finalUrl", equalTo("https://10.1.2.3/intranet"));

      assertEquals(2, run.getInt("byState.ok"));
      assertEquals(1, run.getInt("byState.moved"));
      assertEquals(1, run.getInt("byState.dead"));
      assertEquals(4, run.getInt("byState.failing"));
      assertTrue(
          run.getInt("results.find { it.resource == " + resources.get("/hang") + " }.durationMs")
              >= 900,
          "the hang was waited for up to the request timeout");

      // Editors find what needs them; nothing was deleted.
      given()
          .filter(Contracts.validator())
          .queryParam("linkState", "dead")
          .get(RESOURCES)
          .then()
          .statusCode(200)
          .body("items.number", hasItem(resources.get("/gone")));
      given()
          .filter(Contracts.validator())
          .get(RESOURCES)
          .then()
          .statusCode(200)
          .body("items.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(34 + resources.size()));

      // A corrected address is unchecked again, and checks out.
      int gone = resources.get("/gone");
      String etag = given().get(RESOURCES + "/" + gone).then().extract().header("ETag");
      admin()
          .contentType(ContentType.JSON)
          .header("If-Match", etag)
          .body(Map.of("url", site.url("/ok")))
          .patch(RESOURCES + "/" + gone)
          .then()
          .statusCode(200)
          .body("linkState", equalTo("unchecked"))
          .body("needsAttention", equalTo(false));
      runToTheEnd(List.of(gone));
      state(gone, "ok", 200, false);
    }
  }

  @Test
  void atMostFourLinksAreCheckedAtOnce() throws Exception {
    // Eight slow pages: the checker's bound (riss.guide.link-check.concurrency, 4) keeps it from
    // hammering a publisher's site, however many of the guide's links point there.
    int bound = config.concurrency();
    assertEquals(4, bound);
    try (LocalSite site = new LocalSite(bound)) {
      List<Integer> numbers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        numbers.add(addResource("busy page " + i, site.url("/busy?page=" + i)));
      }
      JsonPath run = runToTheEnd(numbers);
      assertEquals(8, run.getInt("checked"));
      assertTrue(site.mostAtOnce() <= bound, "at most four at once, saw " + site.mostAtOnce());
      assertTrue(site.mostAtOnce() >= 2, "links are checked side by side");
    }
  }

  private static io.restassured.response.ValidatableResponse state(
      int number, String linkState, Integer status, boolean attention) {
    return given()
        .filter(Contracts.validator())
        .get(RESOURCES + "/" + number)
        .then()
        .statusCode(200)
        .body("linkState", equalTo(linkState))
        .body("needsAttention", equalTo(attention))
        .body("lastCheck.status", equalTo(status))
        .body("lastCheck.checkedAt", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void theGuideResourcesAreThereAndRow24WaitsForAnAddress() {
    given()
        .filter(Contracts.validator())
        .get(RESOURCES + "/24")
        .then()
        .statusCode(200)
        .body("linkState", equalTo("url-missing"))
        .body("needsAttention", equalTo(true))
        .body("footnote", equalTo(15))
        .body("url", equalTo(null));
    given()
        .filter(Contracts.validator())
        .queryParam("step", "2")
        .queryParam("kind", "video")
        .queryParam("lang", "en")
        .get(RESOURCES)
        .then()
        .statusCode(200)
        .body("items.number", equalTo(List.of(17, 18, 19)))
        .body("items[0].label", equalTo("Video: for executives"));
    given()
        .filter(Contracts.validator())
        .get(RESOURCES + "/14")
        .then()
        .statusCode(200)
        .body("kind", equalTo("exam"))
        .body("footnote", equalTo(8))
        .body("urlLine", equalTo(1941));
  }

  @Test
  void badRequestsAndRoles() {
    given()
        .filter(Contracts.responseValidator())
        .get(RESOURCES + "?kind=book&linkState=lost&step=7")
        .then()
        .statusCode(400);
    given()
        .filter(Contracts.responseValidator())
        .get(RESOURCES + "/0")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("number"));
    given().filter(Contracts.responseValidator()).get(RESOURCES + "/9999").then().statusCode(404);
    // Plain http to a public address, private addresses and credentials never pass the guard.
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "link-editor"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "labelJa",
                "x",
                "labelEn",
                "x",
                "publisher",
                "x",
                "kind",
                "page",
                "steps",
                List.of(1),
                "url",
                "https://192.168.1.1/admin"))
        .post(RESOURCES)
        .then()
        .statusCode(400)
        .body("violations.find { it.field == 'url' }.message", containsString("private address"));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "link-editor"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "labelJa",
                "x",
                "labelEn",
                "x",
                "publisher",
                "x",
                "kind",
                "page",
                "steps",
                List.of(1),
                "url",
                "http://93.184.216.34/"))
        .post(RESOURCES)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("url"));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "link-editor"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "labelJa",
                "",
                "kind",
                "book",
                "steps",
                List.of(5),
                "url",
                "https://u:p@example.org/"))
        .post(RESOURCES)
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            org.hamcrest.Matchers.hasItems(
                "labelJa", "labelEn", "publisher", "kind", "steps", "url"));
    // Only resources that exist and have an address can be checked; row 24 has none.
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "link-editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("resources", List.of(24, 9000)))
        .post("/api/v1/guide/link-checks")
        .then()
        .statusCode(400)
        .body("violations.field", org.hamcrest.Matchers.hasItems("resources[0]", "resources[1]"));
    // The contract's bounds (ContractBoundsTest leaves this operation out): at most 100
    // resources, each numbered up to 9999.
    List<Integer> tooMany = new java.util.ArrayList<>();
    for (int n = 1; n <= 101; n++) {
      tooMany.add(n);
    }
    Map<String, List<Integer>> pastBounds =
        Map.of("resources", tooMany, "resources[0]", List.of(10000));
    pastBounds.forEach(
        (field, resources) ->
            given()
                .filter(Contracts.responseValidator())
                .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "link-editor"))
                .contentType(ContentType.JSON)
                .body(Map.of("resources", resources))
                .post("/api/v1/guide/link-checks")
                .then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem(field)));
    for (String role : List.of("ipa-reviewer", "company", "support-body")) {
      given()
          .filter(Contracts.responseValidator())
          .header("Authorization", "Bearer " + Tokens.of(role, "someone"))
          .contentType(ContentType.JSON)
          .body(Map.of("resources", List.of(1)))
          .post("/api/v1/guide/link-checks")
          .then()
          .statusCode(403);
    }
    given()
        .filter(Contracts.responseValidator())
        .contentType(ContentType.JSON)
        .body(Map.of("resources", List.of(1)))
        .post("/api/v1/guide/link-checks")
        .then()
        .statusCode(401);
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "link-editor"))
        .get("/api/v1/guide/link-checks/not-a-uuid")
        .then()
        .statusCode(400);
  }
}
