package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.testing.LogCapture;
import jp.riss.platform.web.RequestIds;
import org.junit.jupiter.api.Test;

/**
 * A line the gateway logs while it serves a request carries that request's id in its log context
 * (the plain format prints it, the production JSON format has it under "mdc"), so an operator can
 * go from an answer's X-Request-Id to the log lines about it. Same resources as UpstreamsDownTest,
 * whose application this reuses: with every service down, UpstreamFailures logs the failure.
 */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(ClosedUpstreams.class)
class RequestIdInLogsTest {

  @Test
  void aLineLoggedWhileServingARequestCarriesTheIdAnswered() {
    try (LogCapture log = LogCapture.of(UpstreamFailures.class.getName())) {
      String answered =
          given()
              .get("/api/v1/guide/steps")
              .then()
              .statusCode(503)
              .extract()
              .header(RequestIds.HEADER);

      LogCapture.Captured line =
          log.await("a line about the request", r -> r.message().contains("/api/v1/guide/steps"));
      assertEquals(answered, line.mdc().get("requestId"), line.toString());
    }
  }

  @Test
  void aCallersSaneIdIsTheOneInTheLog() {
    try (LogCapture log = LogCapture.of(UpstreamFailures.class.getName())) {
      given()
          .header(RequestIds.HEADER, "log-trail-7")
          .get("/api/v1/community/events")
          .then()
          .statusCode(503)
          .header(RequestIds.HEADER, "log-trail-7");

      log.await(
          "a line about the request under the caller's id",
          r ->
              r.message().contains("/api/v1/community/events")
                  && "log-trail-7".equals(r.mdc().get("requestId")));
    }
  }
}
