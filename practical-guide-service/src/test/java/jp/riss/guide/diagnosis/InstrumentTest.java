package jp.riss.guide.diagnosis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.riss.guide.content.ContentFiles;
import jp.riss.guide.content.ElementData;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/** The self-diagnosis instrument and its placement rule as versioned, public data. */
@QuarkusTest
class InstrumentTest {

  private static final String INSTRUMENT =
      "/api/v1/guide/instruments/sme-self-check/versions/2025-1";

  @Test
  void twentyFiveItemsInThreePartsOnAFourAnswerScale() {
    JsonPath ja =
        given()
            .filter(Contracts.validator())
            .get(INSTRUMENT)
            .then()
            .statusCode(200)
            .header("Content-Language", "ja")
            .extract()
            .jsonPath();
    assertEquals(25, ja.getList("items").size());
    Map<String, Long> byPart =
        ja.<String>getList("items.part").stream()
            .collect(Collectors.groupingBy(p -> p, Collectors.counting()));
    assertEquals(Map.of("basics", 5L, "employees", 13L, "organisation", 7L), byPart);
    assertEquals(List.of(4, 2, 0, -1), ja.getList("scale.points"));
    assertEquals(List.of("yes", "partly", "no", "unknown"), ja.getList("scale.answer"));
    assertEquals("わからない", ja.getString("scale[3].label"));
    // Items that only apply under an organisation fact say which.
    assertEquals(
        Set.of("usesWireless", "remoteWork", "outsources"),
        Set.copyOf(ja.getList("items.findAll { it.applicableIf != null }.applicableIf")));
    // The placement rule: exits for Steps 1–3 (Step 4 has none); Step 1 needs all basics yes
    // and one named person.
    assertEquals(List.of(1, 2, 3), ja.getList("placement.exits.step"));
    assertEquals(
        List.of("b01", "b02", "b03", "b04", "b05"), ja.getList("placement.exits[0].allYes"));
    assertEquals(1, ja.getInt("placement.exits[0].minConcurrentStaff"));
    assertEquals(1, ja.getInt("placement.exits[2].minDedicatedStaff"));

    given()
        .filter(Contracts.validator())
        .header("Accept-Language", "en")
        .get(INSTRUMENT)
        .then()
        .statusCode(200)
        .header("Content-Language", "en")
        .body("title", equalTo("Security self-diagnosis"))
        .body("items[0].lang", equalTo("en"))
        .body("items[0].enState", equalTo("draft"))
        .body("scale[3].label", equalTo("Don't know"));
    given()
        .filter(Contracts.validator())
        .get("/api/v1/guide/instruments")
        .then()
        .statusCode(200)
        .body("items.code", hasItem("sme-self-check"));
  }

  @Test
  void everyItemPointsAtMeasuresOfTheGuide() {
    Set<String> keys =
        ContentFiles.elements(ContentFiles.versions().get(0)).stream()
            .map(ElementData::key)
            .collect(Collectors.toSet());
    Instrument instrument = Instruments.read("sme-self-check-2025-1.json", Instrument.class);
    for (Instrument.Item item : instrument.items()) {
      assertTrue(!item.measureKeys().isEmpty(), item.id());
      assertTrue(keys.containsAll(item.measureKeys()), item.id() + " " + item.measureKeys());
      assertTrue(item.en() != null && item.en().text() != null, item.id() + " has English");
    }
    assertEquals(
        25,
        instrument.items().stream().map(Instrument.Item::gapCode).distinct().count(),
        "one gap code per item");
  }

  @Test
  void unknownInstrumentsAndBadValuesAreNamed() {
    given()
        .filter(Contracts.responseValidator())
        .get("/api/v1/guide/instruments/sme-self-check/versions/1999-9")
        .then()
        .statusCode(404)
        .body("detail", containsString("1999-9"));
    given()
        .filter(Contracts.responseValidator())
        .get("/api/v1/guide/instruments/SME!/versions/2025-1")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("code"));
    given()
        .filter(Contracts.responseValidator())
        .get(INSTRUMENT + "?lang=de")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("lang"));
    given()
        .filter(Contracts.responseValidator())
        .get(INSTRUMENT + "?page=2")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("page"));
  }
}
