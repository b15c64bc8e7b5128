package jp.riss.guide.diagnosis;

import static io.restassured.RestAssured.given;
import static jp.riss.guide.organisation.Orgs.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.guide.organisation.Orgs;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/**
 * IPA drafts and publishes instrument versions through the API; a published version never changes;
 * diagnoses across versions compare through the explicit item map.
 */
@QuarkusTest
class InstrumentVersionTest {

  private static final String VERSIONS = "/api/v1/guide/instruments/sme-self-check/versions";

  /** 2025-1 with b01 renamed b01x and e04 dropped, mapped back onto 2025-1. */
  private static Instrument next(String version) {
    Instrument base = Instruments.read("sme-self-check-2025-1.json", Instrument.class);
    List<Instrument.Item> items = new ArrayList<>();
    Map<String, String> map = new LinkedHashMap<>();
    for (Instrument.Item i : base.items()) {
      if (i.id().equals("e04")) {
        continue;
      }
      String id = i.id().equals("b01") ? "b01x" : i.id();
      items.add(
          new Instrument.Item(
              id,
              i.part(),
              i.step(),
              i.measureKeys(),
              i.gapCode(),
              i.ja(),
              i.en(),
              i.applicableIf()));
      map.put(id, i.id());
    }
    List<Instrument.Exit> exits = new ArrayList<>();
    for (Instrument.Exit e : base.placement().exits()) {
      exits.add(
          new Instrument.Exit(
              e.step(),
              e.allYes().stream().map(y -> y.equals("b01") ? "b01x" : y).toList(),
              e.minConcurrentStaff(),
              e.minDedicatedStaff()));
    }
    return new Instrument(
        base.about(),
        null,
        version,
        base.title(),
        base.parts(),
        base.scale(),
        base.facts(),
        base.bands(),
        items,
        new Instrument.Placement(version, base.placement().about(), exits),
        new Instrument.Lineage("2025-1", map));
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return as("ipa-admin", "editor-" + UUID.randomUUID());
  }

  @Test
  void aDraftIsTheEditorsUntilPublishedThenItNeverChangesAndDiagnosesCompareThroughTheMap() {
    String version = "2099-" + (System.nanoTime() % 1000);
    Instrument doc = next(version);
    admin()
        .contentType(ContentType.JSON)
        .body(doc)
        .post(VERSIONS)
        .then()
        .statusCode(201)
        .header("ETag", "\"1\"")
        .body("state", equalTo("draft"))
        .body("previous.itemMap.b01x", equalTo("b01"));
    // A draft exists for editors and reviewers only, and nobody can answer it yet.
    given().get(VERSIONS + "/" + version).then().statusCode(404);
    as("ipa-reviewer", "r").get(VERSIONS + "/" + version).then().statusCode(200);
    given().get("/api/v1/guide/instruments").then().body("items.version", not(hasItem(version)));
    String c = "co-" + UUID.randomUUID().toString().substring(0, 8);
    String org = Orgs.create(c, 1, 0);
    Map<String, Object> onDraft = new java.util.HashMap<>(Answers.all("yes").body());
    onDraft.put("instrumentVersion", version);
    Orgs.asRaw("company", c)
        .contentType(ContentType.JSON)
        .body(onDraft)
        .post("/api/v1/guide/organisations/" + org + "/diagnoses")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("instrumentVersion")));

    admin()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(doc)
        .put(VERSIONS + "/" + version)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"");
    Orgs.asRaw("ipa-admin", "editor-" + UUID.randomUUID())
        .post(VERSIONS + "/" + version + "/publish")
        .then()
        .statusCode(428);
    admin()
        .header("If-Match", "\"2\"")
        .post(VERSIONS + "/" + version + "/publish")
        .then()
        .statusCode(200)
        .body("state", equalTo("published"));
    admin()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"3\"")
        .body(doc)
        .put(VERSIONS + "/" + version)
        .then()
        .statusCode(409);
    given().filter(Contracts.validator()).get(VERSIONS + "/" + version).then().statusCode(200);

    // Diagnosed on 2025-1, then on the new version: compared through the map.
    JsonPath before = Answers.all("yes").with("no", "b01", "e05").submit(c, org);
    Map<String, String> answers = new LinkedHashMap<>();
    next(version).items().forEach(i -> answers.put(i.id(), "yes"));
    answers.put("e05", "partly");
    JsonPath after =
        as("company", c)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "instrument",
                    "sme-self-check",
                    "instrumentVersion",
                    version,
                    "facts",
                    List.of("usesWireless", "remoteWork", "outsources"),
                    "answers",
                    answers))
            .post("/api/v1/guide/organisations/" + org + "/diagnoses")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    assertEquals(96, after.getInt("score.max"));
    assertEquals(version, after.getString("placementRuleVersion"));
    JsonPath cmp =
        as("company", c)
            .get("/api/v1/guide/diagnoses/" + after.getString("id") + "/comparison")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("item-map", cmp.getString("basis"));
    assertEquals("b01", cmp.getString("items.find { it.itemId == 'b01x' }.previousItemId"));
    assertEquals("better", cmp.getString("items.find { it.itemId == 'b01x' }.change"));
    assertEquals("better", cmp.getString("items.find { it.itemId == 'e05' }.change"));
    assertEquals(1, cmp.getInt("placedStepBefore"));
    assertEquals(2, cmp.getInt("placedStepAfter"));
    assertEquals(true, cmp.getBoolean("steppedUp"));
    assertEquals(80, cmp.getInt("steps[0].percentBefore"));
    assertEquals(100, cmp.getInt("steps[0].percentAfter"));
  }

  @Test
  void aBadDraftNamesEveryFaultAndAShippedVersionCannotBeChanged() {
    Instrument good = next("2098-1");
    List<Instrument.Item> items = new ArrayList<>(good.items());
    Instrument.Item first = items.get(0);
    items.set(
        0,
        new Instrument.Item(
            "b02",
            "nowhere",
            9,
            first.measureKeys(),
            "Bad Code",
            first.ja(),
            first.en(),
            new Instrument.Condition("sunshine")));
    Map<String, String> map = new LinkedHashMap<>(good.previous().itemMap());
    map.put("e13", "zz9");
    Instrument bad =
        new Instrument(
            good.about(),
            "other-code",
            "2098-1",
            Map.of("en", "no Japanese"),
            good.parts(),
            good.scale(),
            good.facts(),
            good.bands(),
            items,
            new Instrument.Placement(
                "2098-1", null, List.of(new Instrument.Exit(4, List.of("nope"), 0, 0))),
            new Instrument.Lineage("2025-1", map));
    Orgs.asRaw("ipa-admin", "editor")
        .contentType(ContentType.JSON)
        .body(bad)
        .post(VERSIONS)
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            hasItems(
                "code",
                "title.ja",
                "items[0].part",
                "items[0].step",
                "items[0].gapCode",
                "items[0].applicableIf.fact",
                "items[1].id",
                "placement.exits[0].step",
                "placement.exits[0].allYes[0]",
                "previous.itemMap.e13"));
    Instrument noMap =
        new Instrument(
            good.about(),
            null,
            "2098-2",
            good.title(),
            good.parts(),
            good.scale(),
            good.facts(),
            good.bands(),
            good.items(),
            good.placement(),
            null);
    Orgs.asRaw("ipa-admin", "editor")
        .contentType(ContentType.JSON)
        .body(noMap)
        .post(VERSIONS)
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("previous")));
    Orgs.asRaw("ipa-admin", "editor")
        .contentType(ContentType.JSON)
        .header("If-Match", "\"2\"")
        .body(Instruments.read("sme-self-check-2025-1.json", Instrument.class))
        .put(VERSIONS + "/2025-1")
        .then()
        .statusCode(409);
    for (String role : List.of("company", "support-body", "ipa-reviewer", "specialist")) {
      Orgs.asRaw(role, "x")
          .contentType(ContentType.JSON)
          .body(good)
          .post(VERSIONS)
          .then()
          .statusCode(403);
    }
    given().contentType(ContentType.JSON).body(good).post(VERSIONS).then().statusCode(401);
  }
}
