package jp.riss.deemedattendance.imports;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.IMPORT_COMPLETIONS;
import static jp.riss.deemedattendance.DeemedAttendanceApi.IMPORT_CYCLES;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;
import static jp.riss.deemedattendance.DeemedAttendanceApi.storedRows;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A body that is not a batch of records is a 400 problem, and nothing is stored. */
@QuarkusTest
class ImportInputTest {

  @Inject AgroalDataSource dataSource;
  private long rowsBefore;

  @BeforeEach
  void countRows() {
    rowsBefore = storedRows(dataSource);
  }

  @AfterEach
  void nothingWasStored() {
    assertEquals(rowsBefore, storedRows(dataSource), "a rejected body must store nothing");
  }

  private static ValidatableResponse post(String path, String json) {
    return given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("ipa-admin", "ipa-admin-1"))
        .contentType(ContentType.JSON)
        .body(json)
        .post(path)
        .then()
        .contentType("application/problem+json")
        .body("status", not(equalTo(500)));
  }

  @ParameterizedTest(name = "{0}: not JSON is 400")
  @ValueSource(strings = {IMPORT_CYCLES, IMPORT_COMPLETIONS})
  void notJson(String path) {
    post(path, "registrationNumber=012345&cycleStart=2024-04-01")
        .statusCode(400)
        .body("type", equalTo("https://riss.example/problems/malformed-request"))
        .body("detail", not(containsString("Exception")));
  }

  @ParameterizedTest(name = "{0}: truncated JSON is 400")
  @ValueSource(strings = {IMPORT_CYCLES, IMPORT_COMPLETIONS})
  void truncatedJson(String path) {
    // Cut inside a record: the whole batch is refused, even the complete record before the cut.
    post(
            path,
            "{\"records\": [{\"registrationNumber\": \"012345\", \"specialistSubject\": \"s\","
                + " \"cycleStart\": \"2024-04-01\"}, {\"registrationNumber\": \"01")
        .statusCode(400)
        .body("type", equalTo("https://riss.example/problems/malformed-request"))
        .body("detail", not(containsString("Exception")));
  }

  @ParameterizedTest(name = "{0}: no records is 400 naming records")
  @ValueSource(strings = {IMPORT_CYCLES, IMPORT_COMPLETIONS})
  void missingRecords(String path) {
    post(path, "{}").statusCode(400).body("violations.field", hasItem("records"));
  }

  @ParameterizedTest(name = "{0}: empty records is 400 naming records")
  @ValueSource(strings = {IMPORT_CYCLES, IMPORT_COMPLETIONS})
  void emptyRecords(String path) {
    post(path, "{\"records\": []}").statusCode(400).body("violations.field", hasItem("records"));
  }

  @ParameterizedTest(name = "{0}: records not an array is 400 naming records")
  @ValueSource(strings = {IMPORT_CYCLES, IMPORT_COMPLETIONS})
  void recordsNotAnArray(String path) {
    post(path, "{\"records\": \"all of them\"}")
        .statusCode(400)
        .body("violations.field", hasItem("records"));
  }

  @ParameterizedTest(name = "{0}: a bare array is 400")
  @ValueSource(strings = {IMPORT_CYCLES, IMPORT_COMPLETIONS})
  void bareArray(String path) {
    post(path, "[{\"registrationNumber\": \"012345\"}]").statusCode(400);
  }

  @ParameterizedTest(name = "{0}: an unknown top-level property is 400 naming it")
  @ValueSource(strings = {IMPORT_CYCLES, IMPORT_COMPLETIONS})
  void unknownTopLevelProperty(String path) {
    post(path, "{\"records\": [{}], \"dryRun\": true}")
        .statusCode(400)
        .body("violations.field", hasItem("dryRun"));
  }

  @ParameterizedTest(name = "{0}: more than 1000 records is 400")
  @ValueSource(strings = {IMPORT_CYCLES, IMPORT_COMPLETIONS})
  void tooManyRecords(String path) {
    String records = String.join(",", java.util.Collections.nCopies(1001, "{}"));
    post(path, "{\"records\": [" + records + "]}")
        .statusCode(400)
        .body("violations.field", hasItem("records"));
  }

  @ParameterizedTest(name = "{0}: an empty body is 400")
  @ValueSource(strings = {IMPORT_CYCLES, IMPORT_COMPLETIONS})
  void emptyBody(String path) {
    post(path, "").statusCode(400);
  }

  @ParameterizedTest(name = "{0}: another media type is 415")
  @ValueSource(strings = {IMPORT_CYCLES, IMPORT_COMPLETIONS})
  void wrongMediaType(String path) {
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("ipa-admin", "ipa-admin-1"))
        .contentType(ContentType.TEXT)
        .body("012345,2024-04-01")
        .post(path)
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }
}
