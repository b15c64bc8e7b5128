package jp.riss.community.completion;

import static jp.riss.community.CommunityApi.IMPORTS;
import static jp.riss.community.CommunityApi.fresh;
import static jp.riss.community.CommunityApi.importRows;
import static jp.riss.community.CommunityApi.latestMail;
import static jp.riss.community.CommunityApi.office;
import static jp.riss.community.CommunityApi.row;
import static jp.riss.community.CommunityApi.today;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.Test;

/** The camp office's completion records: all-or-nothing, partial mode, CSV, idempotency, counts. */
@QuarkusTest
class CompletionImportTest {

  private static final LocalDate ADULT = LocalDate.of(1995, 6, 1);

  @Test
  void importIsIdempotentByRowKeyAndMailsOneCodePerPerson() {
    String ref = fresh("p");
    String email = ref + "@example.jp";
    List<Map<String, Object>> rows =
        List.of(
            row(ref + "-national", ref, email, ADULT, null, "national", 2014),
            row(ref + "-next", ref, email, ADULT, null, "next", 2016));
    JsonPath first = importRows(rows);
    assertEquals(2, first.getInt("created"));
    assertEquals(1, first.getInt("codesSent"), "one person, one code");
    assertTrue(CommunityApi.CODE.matcher(latestMail(email)).find());
    JsonPath again = importRows(rows);
    assertEquals(0, again.getInt("created"));
    assertEquals(2, again.getInt("unchanged"));
    assertEquals(0, again.getInt("codesSent"), "a live code is not sent again");
    // A changed row (the fiscal year corrected) is an update, not a second completion.
    JsonPath changed =
        importRows(List.of(row(ref + "-next", ref, email, ADULT, null, "next", 2017)));
    assertEquals(1, changed.getInt("updated"));
    String id =
        office()
            .queryParam("personRef", ref)
            .get(CommunityApi.BASE + "/members")
            .then()
            .statusCode(200)
            .body("items[0].dateOfBirth", equalTo("1995-06-01"))
            .extract()
            .path("items[0].memberId");
    office()
        .get(CommunityApi.BASE + "/members/" + id)
        .then()
        .statusCode(200)
        .body("completions.programme", containsInAnyOrder("national", "next"))
        .body("completions.find { it.programme == 'next' }.fiscalYear", equalTo(2017));
  }

  @Test
  void anyBadRowRejectsTheWholeImportNamingEveryBadRow() {
    String ref = fresh("p");
    String other = fresh("p");
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row(ref + "-1", ref, ref + "@example.jp", ADULT, null, "national", 2020));
    Map<String, Object> badEmail =
        row(other + "-1", other, "not-an-address", ADULT, null, "national", 2020);
    rows.add(badEmail);
    Map<String, Object> minorWithoutGuardian =
        row(other + "-2", fresh("m"), "m@example.jp", today().minusYears(14), null, "junior", 2024);
    rows.add(minorWithoutGuardian);
    Map<String, Object> unknownProgramme =
        row(other + "-3", fresh("q"), "q@example.jp", ADULT, null, "global", 2020);
    unknownProgramme.put("fiscalYear", 1999);
    rows.add(unknownProgramme);
    rows.add(row(ref + "-1", ref, ref + "@example.jp", ADULT, null, "next", 2021));
    // The contract forbids some of these values: only the answer is checked against it.
    io.restassured.RestAssured.given()
        .filter(jp.riss.platform.testing.Contracts.responseValidator())
        .header(
            "Authorization",
            "Bearer "
                + jp.riss.platform.testing.Tokens.of("camp-office", CommunityApi.OFFICE_SUBJECT))
        .contentType(ContentType.JSON)
        .body(Map.of("rows", rows))
        .post(IMPORTS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("rejectedRows", equalTo(4))
        .body(
            "violations.field",
            hasItems(
                "rows[2].email",
                "rows[3].guardianEmail",
                "rows[4].programme",
                "rows[4].fiscalYear",
                "rows[5].rowKey"));
    office()
        .queryParam("personRef", ref)
        .get(CommunityApi.BASE + "/members")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void partialModeStoresTheGoodRowsAndReportsTheBadOnes() {
    String ref = fresh("p");
    List<Map<String, Object>> rows =
        List.of(
            row(ref + "-1", ref, ref + "@example.jp", ADULT, null, "national", 2020),
            row(
                fresh("k"),
                fresh("p"),
                "x@example.jp",
                ADULT.plusYears(200),
                null,
                "national",
                2020));
    JsonPath report =
        office()
            .contentType(ContentType.JSON)
            .queryParam("mode", "partial")
            .body(Map.of("rows", rows))
            .post(IMPORTS)
            .then()
            .statusCode(200)
            .body("mode", equalTo("partial"))
            .body("created", equalTo(1))
            .body("rejected", equalTo(1))
            .body("errors[0].row", equalTo(2))
            .body("errors[0].field", equalTo("dateOfBirth"))
            .extract()
            .jsonPath();
    assertEquals(2, report.getInt("rows"));
  }

  @Test
  void csvWithItsHeaderInAnyOrder() {
    String ref = fresh("p");
    String csv =
        "verified,programme,fiscalYear,rowKey,personRef,fullName,email,dateOfBirth\n"
            + "true,national,2019,"
            + ref
            + "-1,"
            + ref
            + ",\"修了, 太郎\","
            + ref
            + "@example.jp,1990-01-31\n";
    office()
        .contentType("text/csv")
        .body(csv)
        .post(IMPORTS)
        .then()
        .statusCode(200)
        .body("created", equalTo(1))
        .body("codesSent", equalTo(1));
    office()
        .contentType("text/csv")
        .body("rowKey,personRef\nx,y\n")
        .post(IMPORTS)
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("header"));
  }

  @Test
  void aRowKeyOfAnotherPersonIsABadRow() {
    String ref = fresh("p");
    importRows(List.of(row(ref + "-1", ref, ref + "@example.jp", ADULT, null, "national", 2020)));
    office()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "rows",
                List.of(
                    row(ref + "-1", fresh("p"), "y@example.jp", ADULT, null, "national", 2020))))
        .post(IMPORTS)
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("rows[1].rowKey"));
  }

  @Test
  void countsAreDerivedFromRecordsAndPeopleAreNotSummed() {
    JsonPath before =
        CommunityApi.checked()
            .get(CommunityApi.BASE + "/programmes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String ref = fresh("p");
    importRows(
        List.of(
            row(ref + "-n", ref, ref + "@example.jp", ADULT, null, "national", 2015),
            row(ref + "-x", ref, ref + "@example.jp", ADULT, null, "next", 2017)));
    JsonPath after =
        CommunityApi.checked()
            .get(CommunityApi.BASE + "/programmes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(
        before.getLong("items.find { it.code == 'national' }.completionsRecorded") + 1,
        after.getLong("items.find { it.code == 'national' }.completionsRecorded"));
    assertEquals(
        before.getLong("items.find { it.code == 'next' }.completionsRecorded") + 1,
        after.getLong("items.find { it.code == 'next' }.completionsRecorded"));
    assertEquals(
        before.getLong("distinctAlumni") + 1, after.getLong("distinctAlumni"), "one person");
    assertEquals(1232, after.getInt("items.find { it.code == 'national' }.reference.alumni"));
    assertEquals(
        "2025-05-01", after.getString("items.find { it.code == 'national' }.reference.asOf"));
    CommunityApi.checked()
        .get(CommunityApi.BASE + "/programmes/mini")
        .then()
        .body("reference", nullValue())
        .body("communityEligible", equalTo(false));
  }

  @Test
  void theImportEventMatchesItsSchema() {
    String ref = fresh("p");
    String id =
        importRows(
                List.of(row(ref + "-1", ref, ref + "@example.jp", ADULT, null, "national", 2020)))
            .getString("id");
    try (EventLog log =
        new EventLog(KafkaResource.broker().bootstrapServers(), CompletionsImported.TOPIC)) {
      var event =
          log.awaitEvent(e -> id.equals(e.path("subject").asText()), Duration.ofSeconds(20));
      assertEquals(1, event.path("data").path("created").asInt());
      String raw =
          log.records().stream()
              .filter(r -> r.value().contains(id))
              .findFirst()
              .orElseThrow()
              .value();
      assertEquals(java.util.Set.of(), EventSchemas.violations(CompletionsImported.SCHEMA, raw));
    }
  }
}
