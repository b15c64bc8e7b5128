package jp.riss.deploy;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * IPA's back office importing its registry at the registry's one owner, the deemed-attendance
 * service, through the gateway: the other services learn the facts from its events.
 */
final class RegistryImports {

  static final String CYCLES = "/api/v1/deemed-attendance/imports/cycles";
  static final String COMPLETIONS = "/api/v1/deemed-attendance/imports/course-completions";

  private RegistryImports() {}

  /**
   * A completion record of the first year's online course, 30 days into the cycle that started on
   * {@code cycleStart}: with it every registry criterion of the Active List passes.
   */
  static Map<String, String> onlineCourseDone(String registrationNumber, LocalDate cycleStart) {
    return Map.of(
        "registrationNumber",
        registrationNumber,
        "cycleStart",
        cycleStart.toString(),
        "requirementKind",
        "online-course",
        "courseName",
        "オンライン講習",
        "completedOn",
        cycleStart.plusDays(30).toString());
  }

  /** Posts {@code records} to an import ({@link #CYCLES} or {@link #COMPLETIONS}) as IPA admin. */
  static ValidatableResponse post(
      String admin, String path, List<? extends Map<String, ?>> records) {
    return given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("records", records))
        .post(path)
        .then()
        .statusCode(200);
  }
}
