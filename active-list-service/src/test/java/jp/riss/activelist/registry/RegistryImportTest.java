package jp.riss.activelist.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.listing.ListingChanged;
import jp.riss.activelist.listing.Listings;
import jp.riss.activelist.review.ListingNotice;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** IPA's bulk registry import: both formats, row errors, idempotency and suspensions. */
@QuarkusTest
class RegistryImportTest {

  @Inject AgroalDataSource dataSource;

  @TestHTTPResource("/")
  URL base;

  @Test
  void jsonLinesAreImportedAndShownAsVerifiedFacts() {
    String number = Listings.uniqueRegistrationNumber();
    String id = Listings.createDraft("import-a", number);
    String importId =
        RegistryRecords.send(
                RegistryRecords.NDJSON, RegistryRecords.ndjson(RegistryRecords.valid(number)))
            .statusCode(201)
            .header("Location", containsString("/registry-imports/"))
            .body("records", equalTo(1))
            .body("rejected", equalTo(0))
            .body("actor", equalTo("ipa-admin-1"))
            .extract()
            .path("id");

    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "other-admin"))
        .get(RegistryRecords.PATH + "/" + importId)
        .then()
        .statusCode(200)
        .body("id", equalTo(importId))
        .body("records", equalTo(1));
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", "import-a"))
        .get(Listings.PATH + "/" + id)
        .then()
        .body("verified.registration.status", equalTo("VALID"))
        .body("verified.registration.source", equalTo("ipa-registry"))
        .body("verified.mandatoryCourses.practicalCourse.status", equalTo("COMPLETED"));
  }

  @Test
  void csvWithAHeaderInAnyOrderIsImported() {
    String a = Listings.uniqueRegistrationNumber();
    String b = Listings.uniqueRegistrationNumber();
    String csv =
        "expiresOn,registrationNumber,registeredOn,cycleStart,registrationStatus,"
            + "onlineCourseStatus,onlineCourseCompletedOn,practicalCourseStatus,"
            + "practicalCourseCompletedOn\n"
            + "2028-03-31,"
            + a
            + ",2019-10-01,2025-04-01,VALID,COMPLETED,2025-06-01,DUE,\n"
            + "\"2027-09-30\","
            + b
            + ",2018-04-01,2024-10-01,EXPIRED,OVERDUE,,OVERDUE,\n";
    RegistryRecords.send("text/csv", csv)
        .statusCode(201)
        .body("mediaType", equalTo("text/csv"))
        .body("records", equalTo(2))
        .body("rejected", equalTo(0))
        .body("errors.size()", equalTo(0));
    assertEquals("DUE", column(a, "practical_course_status"));
    assertEquals("EXPIRED", column(b, "registration_status"));
  }

  @Test
  void badRowsAreReportedByLineAndFieldWhileGoodRowsAreImported() {
    String good = Listings.uniqueRegistrationNumber();
    String dup = Listings.uniqueRegistrationNumber();
    String other = Listings.uniqueRegistrationNumber();
    String body =
        RegistryRecords.ndjson(
                RegistryRecords.valid(good),
                RegistryRecords.valid("12345x"),
                RegistryRecords.valid(
                    other, "expiresOn", "2027-02-30", "registrationStatus", "LAPSED"),
                RegistryRecords.valid(dup),
                RegistryRecords.valid(dup),
                RegistryRecords.valid(other, "practicalCourseCompletedOn", null))
            + "not json\n"
            + "{\"registrationNumber\":\""
            + other
            + "\",\"colour\":\"red\"}\n";
    JsonPath report =
        RegistryRecords.send(RegistryRecords.NDJSON, body)
            .statusCode(201)
            .body("records", equalTo(8))
            .body("rejected", equalTo(6))
            .extract()
            .jsonPath();
    assertEquals(
        2, report.getInt("created") + report.getInt("updated") + report.getInt("unchanged"));
    List<String> errors =
        report.getList("errors", java.util.Map.class).stream()
            .map(e -> e.get("line") + ":" + e.get("field") + ":" + e.get("message"))
            .toList();
    assertEquals(
        List.of(
            "2:registrationNumber:must be 6 digits",
            "3:expiresOn:must be a date (YYYY-MM-DD)",
            "3:registrationStatus:must be one of [EXPIRED, REVOKED, SUSPENDED, VALID]",
            "5:registrationNumber:appears again (first on line 4)",
            "6:practicalCourseCompletedOn:is required when the course is COMPLETED",
            "7:null:is not valid JSON",
            "8:colour:is not a known field"),
        errors);
    assertEquals("VALID", column(good, "registration_status"));
    assertEquals("VALID", column(dup, "registration_status"), "line 4, the first of the two");
    assertEquals(null, column(other, "registration_status"), "every row of it was bad");
  }

  @Test
  void resendingTheSameFileChangesNothingAndAnIdempotencyKeyReplays() {
    String a = Listings.uniqueRegistrationNumber();
    String b = Listings.uniqueRegistrationNumber();
    String file = RegistryRecords.ndjson(RegistryRecords.valid(a), RegistryRecords.valid(b));
    RegistryRecords.send(RegistryRecords.NDJSON, file).statusCode(201);
    String verifiedAt = column(a, "verified_at");

    RegistryRecords.send(RegistryRecords.NDJSON, file)
        .statusCode(201)
        .body("created", equalTo(0))
        .body("updated", equalTo(0))
        .body("unchanged", equalTo(2));
    assertEquals(verifiedAt, column(a, "verified_at"), "an unchanged row is not rewritten");

    String key = UUID.randomUUID().toString();
    String first = withKey(key, file).statusCode(201).extract().path("id");
    withKey(key, file)
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    withKey(key, RegistryRecords.ndjson(RegistryRecords.valid(a)))
        .statusCode(422)
        .body("type", equalTo("https://riss.example/problems/idempotency-key-reused"));
  }

  @Test
  void anImportThatMakesAPublishedListingFailSuspendsItAndTellsTheOwner() {
    String number = Listings.uniqueRegistrationNumber();
    String id = Listings.createDraft("import-suspended", number);
    Listings.publish(id);

    JsonPath report =
        RegistryRecords.send(
                RegistryRecords.NDJSON,
                RegistryRecords.ndjson(
                    RegistryRecords.valid(
                        number, "onlineCourseStatus", "OVERDUE", "onlineCourseCompletedOn", null)))
            .statusCode(201)
            .body("updated", equalTo(1))
            .body("suspended.listingId", contains(id))
            .body("suspended[0].failedCriteria.code", contains("courses-not-overdue"))
            .extract()
            .jsonPath();
    String importId = report.getString("id");

    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", "import-suspended"))
        .get(Listings.PATH + "/" + id)
        .then()
        .body("status", equalTo("SUSPENDED"))
        .body("statusReason", containsString("courses-not-overdue"))
        .body("verified.mandatoryCourses.onlineCourse.status", equalTo("OVERDUE"));
    given().get(Listings.PATH + "/" + id).then().statusCode(404);
    given()
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "a"))
        .get(Listings.PATH + "/" + id + "/history")
        .then()
        .body(
            "items.find { it.changes.status?.to == 'SUSPENDED' }.actor",
            equalTo("registry-import " + importId))
        .body("items.find { it.changes.status?.to == 'SUSPENDED' }.actorRole", equalTo("system"));

    try (EventLog listings =
            new EventLog(KafkaResource.broker().bootstrapServers(), ListingChanged.TOPIC);
        EventLog notices =
            new EventLog(KafkaResource.broker().bootstrapServers(), ListingNotice.TOPIC)) {
      JsonNode delisted =
          listings.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && ListingChanged.DELISTED.equals(e.path("type").asText()),
              Duration.ofSeconds(10));
      assertEquals("SUSPENDED", delisted.path("data").path("status").asText());
      JsonNode notice =
          notices.awaitEvent(
              e ->
                  id.equals(e.path("subject").asText())
                      && ListingNotice.LISTING_SUSPENDED.equals(e.path("type").asText()),
              Duration.ofSeconds(10));
      assertEquals(number, notice.path("data").path("registrationNumber").asText());
      assertEquals(importId, notice.path("data").path("registryImportId").asText());
      assertEquals(
          "courses-not-overdue",
          notice.path("data").path("failedCriteria").path(0).path("code").asText());
      assertEquals(Set.of(), EventSchemas.violations(ListingNotice.SCHEMA, notice.toString()));
      assertFalse(notice.toString().contains("taro@example.jp"), "never the owner's contact");
      notices.records().stream()
          .filter(r -> id.equals(r.key()))
          .forEach(
              r ->
                  assertEquals(Set.of(), EventSchemas.violations(ListingNotice.SCHEMA, r.value())));
    }

    // A later passing import leaves it suspended: IPA reinstates.
    RegistryRecords.importValid(number);
    given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", "import-suspended"))
        .get(Listings.PATH + "/" + id)
        .then()
        .body("status", equalTo("SUSPENDED"));
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "a"))
        .post(Listings.PATH + "/" + id + "/reinstate")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"));
  }

  @Test
  void anUnchangedRegistryRowDoesNotRecheckTheListing() {
    String number = Listings.uniqueRegistrationNumber();
    String id = Listings.createDraft("import-unchanged", number);
    Listings.publish(id);
    RegistryRecords.importValid(number);
    RegistryRecords.send(
            RegistryRecords.NDJSON, RegistryRecords.ndjson(RegistryRecords.valid(number)))
        .body("unchanged", equalTo(1))
        .body("suspended.size()", equalTo(0));
  }

  @Test
  void fileLevelProblemsAre4xxAndStoreNothing() {
    String number = Listings.uniqueRegistrationNumber();
    long imports = count("SELECT count(*) FROM registry_import");
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "a"))
        .contentType("text/csv")
        .body("registrationNumber,colour\n" + number + ",red\n")
        .post(RegistryRecords.PATH)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("header"))
        .body("violations.message", hasItem("column colour is not a known field"));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "a"))
        .contentType(RegistryRecords.NDJSON)
        .body("\n\n".getBytes(StandardCharsets.UTF_8))
        .post(RegistryRecords.PATH)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("body"));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "a"))
        .contentType("application/json")
        .body("[]")
        .post(RegistryRecords.PATH)
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    assertEquals(imports, count("SELECT count(*) FROM registry_import"));
    assertEquals(
        0,
        count("SELECT count(*) FROM registry_entry WHERE registration_number = '" + number + "'"));
  }

  @Test
  void aFileOfMoreThan50000RecordsIsRefusedWholeButLargeBodiesPassTheBodyLimit() {
    long imports = count("SELECT count(*) FROM registry_import");
    StringBuilder body = new StringBuilder();
    String line = RegistryRecords.ndjson(RegistryRecords.valid("000000"));
    for (int i = 0; i < 50_001; i++) {
      body.append(line.replace("000000", String.format("%06d", i)));
    }
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "a"))
        .contentType(RegistryRecords.NDJSON)
        .body(body.toString().getBytes(StandardCharsets.UTF_8))
        .post(RegistryRecords.PATH)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("body"))
        .body("violations.message", hasItem(containsString("more than 50000 records")));
    assertEquals(imports, count("SELECT count(*) FROM registry_import"));

    // Declared sizes are judged from the headers alone: 20 MiB here, 1 MiB everywhere else.
    assertTrue(
        headersOnly(RegistryRecords.PATH, RegistryRecords.NDJSON, 20 * 1024 * 1024 + 1)
            .startsWith("HTTP/1.1 413"));
    assertTrue(
        headersOnly(Listings.PATH, "application/json", 1024 * 1024 + 1).startsWith("HTTP/1.1 413"));
  }

  private String headersOnly(String path, String contentType, long length) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + Tokens.of("ipa-admin", "a")
                  + "\r\nContent-Type: "
                  + contentType
                  + "\r\nContent-Length: "
                  + length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // The service closes the connection after refusing, so reading to the end is bounded.
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private io.restassured.response.ValidatableResponse withKey(String key, String body) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "ipa-admin-1"))
        .header("Idempotency-Key", key)
        .contentType(RegistryRecords.NDJSON)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post(RegistryRecords.PATH)
        .then();
  }

  private String column(String number, String column) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT " + column + "::text FROM registry_entry WHERE registration_number = ?")) {
      ps.setString(1, number);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long count(String sql) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
