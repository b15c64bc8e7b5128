package jp.riss.deemedattendance;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;

/**
 * Test helpers that drive the cycle and import API the way IPA's back office and specialists do.
 * The test database outlives a run, so numbers and subjects are always fresh.
 */
public final class DeemedAttendanceApi {

  public static final String BASE = "/api/v1/deemed-attendance";
  public static final String IMPORT_CYCLES = BASE + "/imports/cycles";
  public static final String IMPORT_COMPLETIONS = BASE + "/imports/course-completions";
  public static final String ME = BASE + "/me/cycle";
  public static final String CYCLES = BASE + "/cycles";
  public static final String KINDS = BASE + "/requirement-kinds";

  public static final String ONLINE = "online-course";
  public static final String PRACTICAL = "practical-course";

  private DeemedAttendanceApi() {}

  public static String bearer(String role, String subject) {
    return "Bearer " + Tokens.of(role, subject);
  }

  public static String freshSubject() {
    return "specialist-" + UUID.randomUUID();
  }

  /** A registration number no registration uses yet. */
  public static String freshNumber(AgroalDataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM registration WHERE registration_number = ?")) {
      while (true) {
        String number = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        exists.setString(1, number);
        try (ResultSet rs = exists.executeQuery()) {
          if (!rs.next()) {
            return number;
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows of the tables imports write: registrations, cycles and completions. */
  public static long storedRows(AgroalDataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT (SELECT count(*) FROM registration) + (SELECT count(*) FROM cycle)"
                        + " + (SELECT count(*) FROM course_completion)")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, Object> cycleRecord(String number, String subject, LocalDate start) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("registrationNumber", number);
    record.put("specialistSubject", subject);
    record.put("cycleStart", start.toString());
    return record;
  }

  public static Map<String, Object> completionRecord(
      String number, LocalDate start, String kind, String courseName, LocalDate completedOn) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("registrationNumber", number);
    record.put("cycleStart", start.toString());
    record.put("requirementKind", kind);
    record.put("courseName", courseName);
    record.put("completedOn", completedOn.toString());
    return record;
  }

  /** An import the contract allows, checked against it both ways. */
  public static ValidatableResponse importRecords(String path, List<?> records) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("ipa-admin", "ipa-admin-1"))
        .contentType(ContentType.JSON)
        .body(Map.of("records", records))
        .post(path)
        .then();
  }

  /** An import with records the contract forbids on purpose: only the answer is checked. */
  public static ValidatableResponse importAnyRecords(String path, List<?> records) {
    return given()
        .filter(Contracts.responseValidator())
        .header("Authorization", bearer("ipa-admin", "ipa-admin-1"))
        .contentType(ContentType.JSON)
        .body(Map.of("records", records))
        .post(path)
        .then();
  }

  /** Imports one specialist's cycle and answers its registration number. */
  public static String registered(AgroalDataSource dataSource, String subject, LocalDate start) {
    String number = freshNumber(dataSource);
    importRecords(IMPORT_CYCLES, List.of(cycleRecord(number, subject, start)))
        .statusCode(200)
        .body("created", org.hamcrest.Matchers.equalTo(1));
    return number;
  }

  public static ValidatableResponse myCycle(String subject) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .get(ME)
        .then();
  }

  public static ValidatableResponse cycleOf(String number, String role, String subject) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer(role, subject))
        .get(CYCLES + "/" + number)
        .then();
  }
}
