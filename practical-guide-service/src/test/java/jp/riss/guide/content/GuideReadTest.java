package jp.riss.guide.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the shipped β: Steps in Japanese and English, elements, lists, search and caching. */
@QuarkusTest
class GuideReadTest {

  static final String BETA = "/api/v1/guide/versions/beta-2025-05";

  @Test
  void theBetaIsPublishedAndListed() {
    given()
        .filter(Contracts.validator())
        .get("/api/v1/guide/versions")
        .then()
        .statusCode(200)
        .body("items.code", hasItem("beta-2025-05"))
        .body("items.state", everyItem(org.hamcrest.Matchers.oneOf("published", "retired")));
    given()
        .filter(Contracts.validator())
        .get(BETA)
        .then()
        .statusCode(200)
        .body("title", containsString("実践的方策ガイド"))
        .body("publishedAt", org.hamcrest.Matchers.startsWith("2025-05-31"));
  }

  @Test
  void stepTwoInJapanese() {
    JsonPath step =
        given()
            .filter(Contracts.validator())
            .get(BETA + "/steps/2")
            .then()
            .statusCode(200)
            .header("Content-Language", "ja")
            .header("Vary", containsString("Accept-Language"))
            .header("Cache-Control", containsString("max-age=300"))
            .body("name", equalTo("組織的な取組"))
            .extract()
            .jsonPath();
    Map<String, Object> policy = element(step, "step2.measure.basic-policy");
    assertEquals("ja", policy.get("lang"));
    assertEquals("情報セキュリティ基本方針をつくる", policy.get("title"));
    assertEquals(true, policy.get("inHouseOnly"));
    assertEquals(1951, policy.get("seedLine"));
    assertEquals("draft", policy.get("enState"));
    List<String> kinds = step.getList("elements.kind");
    assertTrue(
        kinds.containsAll(List.of("measure", "task", "people-measure", "note")), kinds.toString());
    assertTrue(step.getList("elements.step").stream().allMatch(s -> s.equals(2)));
  }

  @Test
  void stepTwoInEnglishByAcceptLanguage() {
    JsonPath step =
        given()
            .filter(Contracts.validator())
            .header("Accept-Language", "fr;q=1, en-GB;q=0.8, ja;q=0.5")
            .get(BETA + "/steps/2")
            .then()
            .statusCode(200)
            .header("Content-Language", "en")
            .body("name", equalTo("Organised effort"))
            .extract()
            .jsonPath();
    Map<String, Object> policy = element(step, "step2.measure.basic-policy");
    assertEquals("en", policy.get("lang"));
    assertEquals("Write a basic security policy", policy.get("title"));
    // lang wins over the header
    given()
        .filter(Contracts.validator())
        .header("Accept-Language", "en")
        .get(BETA + "/steps/2?lang=ja")
        .then()
        .statusCode(200)
        .header("Content-Language", "ja")
        .body("name", equalTo("組織的な取組"));
  }

  @Test
  void allFourStepsAndTheirPeopleMeasures() {
    JsonPath steps =
        given()
            .filter(Contracts.validator())
            .get(BETA + "/steps")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(1, 2, 3, 4), steps.getList("steps.step"));
    assertEquals(
        List.of("取組の開始", "組織的な取組", "本格的な取組", "継続的な改善、より強固な対策"), steps.getList("steps.name"));
    // Community participation only in Steps 2 and 4 (L2020, L2216).
    List<Integer> communitySteps =
        steps.getList(
            "steps.elements.flatten().findAll { it.attrs.peopleKind == 'community' }.step");
    assertEquals(List.of(2, 4, 4), communitySteps);
  }

  @Test
  void oneElementByKeyWithItsRevisionAsETag() {
    Response first =
        given()
            .filter(Contracts.validator())
            .get(BETA + "/elements/step1.measure.devices.updates?lang=en");
    first
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("parent", equalTo("step1.measure.devices"))
        .body("attrs.fivePoint", equalTo(1))
        .body("lang", equalTo("en"));
    given()
        .filter(Contracts.validator())
        .header("If-None-Match", "\"1\"")
        .get(BETA + "/elements/step1.measure.devices.updates?lang=en")
        .then()
        .statusCode(304);
  }

  @Test
  void listsCarryAnETagAndAnswer304() {
    Response first =
        given().filter(Contracts.validator()).get("/api/v1/guide/glossary?version=beta-2025-05");
    first.then().statusCode(200).header("Cache-Control", containsString("public"));
    String etag = first.header("ETag");
    given()
        .filter(Contracts.validator())
        .header("If-None-Match", etag)
        .get("/api/v1/guide/glossary?version=beta-2025-05")
        .then()
        .statusCode(304)
        .header("ETag", etag);
    // Another language is another representation with another tag.
    given()
        .filter(Contracts.validator())
        .header("If-None-Match", etag)
        .get("/api/v1/guide/glossary?version=beta-2025-05&lang=en")
        .then()
        .statusCode(200)
        .header("ETag", not(etag));
  }

  @Test
  void examsOffersGlossaryAndSchemeRelations() {
    given()
        .filter(Contracts.validator())
        .get("/api/v1/guide/exams?version=beta-2025-05&lang=en")
        .then()
        .statusCode(200)
        .body("items.attrs.code", equalTo(List.of("ip", "sg", "au", "riss")))
        .body("items.step", equalTo(List.of(1, 2, 3, 4)));
    given()
        .filter(Contracts.validator())
        .get("/api/v1/guide/exams?version=beta-2025-05&step=3")
        .then()
        .statusCode(200)
        .body("items.title", equalTo(List.of("システム監査技術者試験")));
    given()
        .filter(Contracts.validator())
        .get("/api/v1/guide/support-offers?version=beta-2025-05")
        .then()
        .statusCode(200)
        .body(
            "items.attrs.offerKind",
            hasItems("otasuketai", "riss", "consultation-desk", "info-sharing"));
    given()
        .filter(Contracts.validator())
        .get("/api/v1/guide/glossary?version=beta-2025-05")
        .then()
        .statusCode(200)
        .body("items.find { it.title == 'セキュリティ監視' }.attrs.ownDefinition", equalTo(true));
    given()
        .filter(Contracts.validator())
        .get("/api/v1/guide/scheme-relations?version=beta-2025-05")
        .then()
        .statusCode(200)
        .body("items.attrs.level", equalTo(List.of("★1", "★2")))
        .body("items.step", equalTo(List.of(1, 2)));
    given()
        .filter(Contracts.validator())
        .get("/api/v1/guide/cases?version=beta-2025-05")
        .then()
        .statusCode(200)
        .body("items", equalTo(List.of()));
    given()
        .filter(Contracts.validator())
        .get(BETA + "/elements?kind=box")
        .then()
        .statusCode(200)
        .body("items.key", equalTo(List.of("box.otasuketai", "box.riss")));
  }

  @Test
  void searchFindsTheBasicPolicyInJapaneseAndEnglish() {
    given()
        .filter(Contracts.validator())
        .queryParam("q", "基本方針")
        .get("/api/v1/guide/search")
        .then()
        .statusCode(200)
        .body("items[0].element.key", equalTo("step2.measure.basic-policy"))
        .body("items[0].matchedIn", equalTo(List.of("ja")))
        .body("items[0].element.lang", equalTo("ja"));
    JsonPath en =
        given()
            .filter(Contracts.validator())
            .queryParam("q", "Basic POLICY")
            .queryParam("lang", "en")
            .get("/api/v1/guide/search")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    // The phrase in a title ranks first ("Draft the basic policy"), then all words in a title.
    assertEquals(
        List.of("step2.task.internal.draft-policy", "step2.measure.basic-policy"),
        en.getList("items.element.key").subList(0, 2));
    assertEquals(List.of("en"), en.getList("items[1].matchedIn"));
    assertEquals("Write a basic security policy", en.getString("items[1].element.title"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "監査, term.audit",
    // full-width digits and letters match their half-width forms (NFKC)
    "５か条, step1.overview.measures",
    "ＣＩＳＯ, term.ciso",
    "AppGoat, step4.people.learning.appgoat"
  })
  void shortAndFullWidthTermsWork(String q, String key) {
    given()
        .filter(Contracts.validator())
        .queryParam("q", q)
        .queryParam("limit", "50")
        .get("/api/v1/guide/search")
        .then()
        .statusCode(200)
        .body("items.element.key", hasItem(key));
  }

  @Test
  void searchPagesWithACursor() {
    JsonPath first =
        given()
            .filter(Contracts.validator())
            .queryParam("q", "セキュリティ")
            .queryParam("limit", "5")
            .get("/api/v1/guide/search")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(5, first.getList("items").size());
    String next = first.getString("next");
    JsonPath second =
        given().filter(Contracts.validator()).get(next).then().statusCode(200).extract().jsonPath();
    List<String> keys = first.getList("items.element.key");
    for (String key : second.<String>getList("items.element.key")) {
      assertTrue(!keys.contains(key), key + " on both pages");
    }
  }

  @Test
  void badInputNamesWhatIsWrong() {
    problem(BETA + "/steps/5", 400, "step");
    problem(BETA + "/steps/2?lang=fr", 400, "lang");
    problem(BETA + "/steps/2?colour=blue", 400, "colour");
    problem(BETA + "/elements?kind=chapter", 400, "kind");
    problem(BETA + "/elements/Step2..x", 400, "key");
    problem("/api/v1/guide/versions/BETA!/steps", 400, "version");
    problem("/api/v1/guide/search?q=", 400, "q");
    problem("/api/v1/guide/search?q=a&limit=500", 400, "limit");
    problem("/api/v1/guide/search?q=a&cursor=notacursor", 400, "cursor");
    problem("/api/v1/guide/glossary?step=1", 400, "step");
    given()
        .filter(Contracts.responseValidator())
        .header("Accept-Language", "en;q=2")
        .get(BETA + "/steps/1")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("Accept-Language"));
    given()
        .filter(Contracts.responseValidator())
        .header("Accept-Language", "e n")
        .get(BETA + "/steps/1")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("Accept-Language"));
    given()
        .filter(Contracts.responseValidator())
        .get(BETA + "/elements/step2.measure.nothing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("step2.measure.nothing"));
    given()
        .filter(Contracts.responseValidator())
        .get("/api/v1/guide/versions/final-2026/steps")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("final-2026"));
  }

  private static void problem(String path, int status, String field) {
    given()
        .filter(Contracts.responseValidator())
        .get(path)
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("violations.field", hasItem(field))
        .body("instance", not(nullValue()));
  }

  private static Map<String, Object> element(JsonPath step, String key) {
    return step.getMap("elements.find { it.key == '" + key + "' }");
  }
}
