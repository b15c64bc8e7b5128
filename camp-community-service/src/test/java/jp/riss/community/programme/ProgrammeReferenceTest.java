package jp.riss.community.programme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/** The camp programmes come from the migration, as the seed report describes them. */
@QuarkusTest
class ProgrammeReferenceTest {

  static final String PROGRAMMES = "/api/v1/community/programmes";

  private static RequestSpecification checked() {
    return given().filter(Contracts.validator());
  }

  @Test
  void theFiveProgrammesInDisplayOrder() {
    checked()
        .get(PROGRAMMES)
        .then()
        .statusCode(200)
        .body("items.code", contains("national", "next", "junior", "mini", "connect"))
        .body("items.maxAge", contains(22, 25, 15, null, null))
        .body("items.sinceFiscalYear", contains(2004, 2019, 2023, null, 2025))
        .body("items.find { it.code == 'national' }.nameJa", equalTo("セキュリティ・キャンプ全国大会"))
        .body("items.find { it.code == 'next' }.nameJa", equalTo("セキュリティ・ネクストキャンプ"))
        .body("items.find { it.code == 'junior' }.nameJa", equalTo("セキュリティ・ジュニアキャンプ"))
        .body("items.find { it.code == 'mini' }.nameJa", equalTo("セキュリティ・ミニキャンプ"))
        .body("items.find { it.code == 'connect' }.nameJa", equalTo("セキュリティ・キャンプ コネクト"))
        .body("items.find { it.code == 'connect' }.nameEn", equalTo("Security Camp Connect"))
        .body("items.find { it.code == 'national' }.descriptionJa", containsString("1,232"));
  }

  @Test
  void campConnectWithItsThemeAreas() {
    checked()
        .get(PROGRAMMES + "/connect")
        .then()
        .statusCode(200)
        .body("code", equalTo("connect"))
        .body("maxAge", nullValue())
        .body("sinceFiscalYear", equalTo(2025))
        .body(
            "themeAreas.code",
            contains("ai", "automotive", "space", "power", "iot", "quantum", "social-sciences"))
        .body(
            "themeAreas.axis",
            contains(
                "technology",
                "industry",
                "industry",
                "industry",
                "technology",
                "technology",
                "social-science"))
        .body("themeAreas.find { it.code == 'automotive' }.nameJa", equalTo("自動車"))
        .body("themeAreas.find { it.code == 'quantum' }.nameEn", equalTo("Quantum computing"));
  }

  @Test
  void otherProgrammesHaveNoThemeAreas() {
    checked()
        .get(PROGRAMMES + "/national")
        .then()
        .statusCode(200)
        .body("maxAge", equalTo(22))
        .body("sinceFiscalYear", equalTo(2004))
        .body("themeAreas", empty());
    checked()
        .get(PROGRAMMES + "/mini")
        .then()
        .statusCode(200)
        .body("maxAge", nullValue())
        .body("sinceFiscalYear", nullValue())
        .body("themeAreas", empty());
  }
}
