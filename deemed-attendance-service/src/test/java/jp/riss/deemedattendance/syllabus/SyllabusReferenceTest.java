package jp.riss.deemedattendance.syllabus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/** The syllabus and the theme mapping come from the migration, complete and in numeric order. */
@QuarkusTest
class SyllabusReferenceTest {

  static final String ITEMS = "/api/v1/deemed-attendance/syllabus-items";
  static final String MAPPINGS = "/api/v1/deemed-attendance/theme-mappings";

  // Seed report line 1514: 7 + 8 + 11 + 4 sub-items.
  private static final List<String> ALL_CODES =
      List.of(
          "1-1", "1-2", "1-3", "1-4", "1-5", "1-6", "1-7", "2-1", "2-2", "2-3", "2-4", "2-5", "2-6",
          "2-7", "2-8", "3-1", "3-2", "3-3", "3-4", "3-5", "3-6", "3-7", "3-8", "3-9", "3-10",
          "3-11", "4-1", "4-2", "4-3", "4-4");

  private static RequestSpecification checked() {
    return given().filter(Contracts.validator());
  }

  @Test
  void everySubItemOfTheFourAreasInNumericOrder() {
    checked()
        .get(ITEMS)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(30))
        .body("items.code", equalTo(ALL_CODES))
        .body("items.area.unique()", contains(1, 2, 3, 4))
        .body("items.shaded", everyItem(equalTo(false)));
  }

  @Test
  void namesAreTheSyllabusOnes() {
    checked()
        .get(ITEMS)
        .then()
        .statusCode(200)
        // Often abbreviated to 方針の策定; the report's full official name is the one stored.
        .body("items.find { it.code == '1-1' }.name", equalTo("情報セキュリティ方針の策定"))
        .body("items.find { it.code == '1-1' }.areaName", equalTo("情報セキュリティマネジメントの推進又は支援に関すること"))
        .body("items.find { it.code == '2-5' }.name", equalTo("セキュアプログラミング"))
        .body("items.find { it.code == '3-10' }.name", equalTo("サプライチェーンの情報セキュリティの推進"))
        .body("items.find { it.code == '4-4' }.name", equalTo("証拠の収集及び分析"))
        .body("items.find { it.code == '4-4' }.areaName", equalTo("情報セキュリティインシデント管理の推進又は支援に関すること"));
  }

  @Test
  void oneAreaOnly() {
    checked()
        .queryParam("area", 3)
        .get(ITEMS)
        .then()
        .statusCode(200)
        .body("items.code", equalTo(ALL_CODES.subList(15, 26)))
        .body("items.area", everyItem(equalTo(3)))
        .body("items.areaName", everyItem(equalTo("情報及び情報システムの利用におけるセキュリティ対策の適用の推進又は支援に関すること")));
    checked()
        .queryParam("area", 4)
        .get(ITEMS)
        .then()
        .statusCode(200)
        .body("items.code", contains("4-1", "4-2", "4-3", "4-4"));
  }

  @Test
  void oneSubItemWithItsThemes() {
    checked()
        .get(ITEMS + "/1-1")
        .then()
        .statusCode(200)
        .body("code", equalTo("1-1"))
        .body("area", equalTo(1))
        .body("name", equalTo("情報セキュリティ方針の策定"))
        .body("shaded", equalTo(false))
        .body("themes", contains(1));
    checked().get(ITEMS + "/1-6").then().statusCode(200).body("themes", contains(1, 2, 3, 4, 5));
    checked()
        .get(ITEMS + "/3-10")
        .then()
        .statusCode(200)
        .body("name", equalTo("サプライチェーンの情報セキュリティの推進"))
        .body("themes", empty());
  }

  @Test
  void themesOneToFiveAreMappedAsTheSeedSays() {
    checked()
        .get(MAPPINGS)
        .then()
        .statusCode(200)
        .body("items.theme", contains(1, 2, 3, 4, 5))
        .body(
            "items.find { it.theme == 1 }.syllabusItems",
            contains("1-1", "1-4", "1-6", "3-1", "3-2", "3-6", "3-9", "3-11", "4-1"))
        .body("items.find { it.theme == 2 }.syllabusItems", contains("1-2", "1-3", "1-6"))
        .body(
            "items.find { it.theme == 3 }.syllabusItems",
            contains("1-4", "1-6", "2-2", "3-3", "3-8"))
        .body(
            "items.find { it.theme == 4 }.syllabusItems",
            contains("1-6", "3-2", "3-4", "3-7", "4-1", "4-2", "4-3", "4-4"))
        .body("items.find { it.theme == 5 }.syllabusItems", contains("1-6", "2-7", "3-9", "4-3"))
        // Theme 6 (★3 assessment) has no published mapping yet.
        .body("items.theme", not(hasItem(6)));
  }

  @Test
  void mappingAndSubItemsAgree() {
    List<Map<String, Object>> mappings =
        checked().get(MAPPINGS).then().statusCode(200).extract().jsonPath().getList("items");
    for (Map<String, Object> mapping : mappings) {
      for (Object code : (List<?>) mapping.get("syllabusItems")) {
        checked()
            .get(ITEMS + "/" + code)
            .then()
            .statusCode(200)
            .body("themes", hasItem(mapping.get("theme")));
      }
    }
  }
}
