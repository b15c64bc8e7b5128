package jp.riss.deploy;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One service's clock on the local stack, moved through its management port ({@code /q/clock},
 * there because deploy/local/up sets {@code RISS_CLOCK_MOVABLE=true}; see docs/clock.md). A test
 * that moves it resets it in a {@code finally}: the stack is shared by every end-to-end test.
 */
final class StackClock {

  /** The services whose clock is the platform's, by their management ports (deploy/local/up). */
  static final Map<String, Integer> MANAGEMENT_PORTS =
      Map.of(
          "active-list-service", 9081,
          "deemed-attendance-service", 9082,
          "practical-guide-service", 9084);

  private final String base;

  private StackClock(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  static StackClock of(String module) {
    return new StackClock(MANAGEMENT_PORTS.get(module));
  }

  /** Moves the clock on by an ISO-8601 period or duration; the service's day afterwards. */
  LocalDate advance(String amount) {
    String now =
        given()
            .baseUri(base)
            .contentType("application/json")
            .body(Map.of("advance", amount))
            .post("/q/clock")
            .then()
            .statusCode(200)
            .extract()
            .path("now");
    return OffsetDateTime.parse(now).toLocalDate();
  }

  /** How far the clock is ahead of real time, ISO-8601 ({@code PT0S} when not moved). */
  String offset() {
    return given().baseUri(base).get("/q/clock").then().statusCode(200).extract().path("offset");
  }

  void reset() {
    given().baseUri(base).delete("/q/clock").then().statusCode(200);
  }
}
