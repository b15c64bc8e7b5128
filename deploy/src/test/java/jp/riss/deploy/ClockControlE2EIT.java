package jp.riss.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local stack's services run with a movable clock, controlled on their management ports only:
 * the gateway, the one public entry point, knows no such path.
 */
@ExtendWith(LocalStack.class)
class ClockControlE2EIT {

  @Test
  void eachServiceClockIsControlledOnItsManagementPortAndNeverThroughTheGateway() {
    StackClock.MANAGEMENT_PORTS.forEach(
        (module, port) -> assertEquals("PT0S", StackClock.of(module).offset(), module));
    given().get("/q/clock").then().statusCode(404);
    given().get("/api/v1/guide/q/clock").then().statusCode(404);
  }
}
