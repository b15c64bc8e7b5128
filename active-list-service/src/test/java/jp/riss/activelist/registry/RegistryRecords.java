package jp.riss.activelist.registry;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;

/** Test helpers that send registry records the way IPA's back office does. */
public final class RegistryRecords {

  public static final String PATH = "/api/v1/active-list/registry-imports";
  public static final String NDJSON = "application/x-ndjson";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  private RegistryRecords() {}

  /** A record that meets every registry criterion: valid for two more years, courses done. */
  public static Map<String, String> valid(String registrationNumber) {
    Map<String, String> record = new LinkedHashMap<>();
    record.put("registrationNumber", registrationNumber);
    record.put("registeredOn", "2020-04-01");
    record.put("cycleStart", TODAY.minusYears(1).toString());
    record.put("expiresOn", TODAY.plusYears(2).toString());
    record.put("registrationStatus", "VALID");
    record.put("onlineCourseStatus", "COMPLETED");
    record.put("onlineCourseCompletedOn", TODAY.minusMonths(6).toString());
    record.put("practicalCourseStatus", "COMPLETED");
    record.put("practicalCourseCompletedOn", TODAY.minusMonths(3).toString());
    return record;
  }

  /** The valid record with some fields replaced (a null value removes the field). */
  public static Map<String, String> valid(String registrationNumber, String... keysAndValues) {
    Map<String, String> record = valid(registrationNumber);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      record.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    record.values().removeIf(java.util.Objects::isNull);
    return record;
  }

  /** One JSON object per line. */
  @SafeVarargs
  public static String ndjson(Map<String, String>... records) {
    return java.util.Arrays.stream(records)
            .map(
                r ->
                    r.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                        .collect(Collectors.joining(",", "{", "}")))
            .collect(Collectors.joining("\n"))
        + "\n";
  }

  public static ValidatableResponse send(String contentType, String body) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "ipa-admin-1"))
        .contentType(contentType)
        // As bytes: REST Assured has no encoder for application/x-ndjson.
        .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post(PATH)
        .then();
  }

  /** Imports a record meeting every registry criterion for this number. */
  public static void importValid(String registrationNumber) {
    send(NDJSON, ndjson(valid(registrationNumber))).statusCode(201);
  }
}
