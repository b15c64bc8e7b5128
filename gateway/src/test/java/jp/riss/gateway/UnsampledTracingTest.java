package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.testing.LogCapture;
import jp.riss.platform.testing.TraceIds;
import org.junit.jupiter.api.Test;

/**
 * Traces nobody records (no collector, or outside the sampled share) still travel: the gateway's
 * span is not recorded, but the caller's trace id goes on to the service under a span id of the
 * gateway's, and the gateway's log lines name the trace ({@link EdgeSpans}).
 */
@QuarkusTest
@TestProfile(UnsampledTracingTest.NothingSampled.class)
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class UnsampledTracingTest {

  public static class NothingSampled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("riss.traces.sample-ratio", "0");
    }
  }

  private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]";

  @Test
  void theCallersTraceGoesOnToTheServiceUnderTheGatewaysSpan() {
    String traceId = TraceIds.traceId();
    String callerSpanId = TraceIds.spanId();

    String forwarded =
        given()
            .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
            .get("/api/v1/active-list/listings")
            .then()
            .statusCode(200)
            .extract()
            .path("headers.traceparent");

    assertTrue(forwarded != null && forwarded.matches(TRACEPARENT), "forwarded: " + forwarded);
    String[] parts = forwarded.split("-");
    assertEquals(traceId, parts[1], "the service joins the caller's trace");
    assertNotEquals(callerSpanId, parts[2], "under the gateway's span, not the caller's");
    assertEquals("00", parts[3], "and says the trace is not recorded here");
  }

  @Test
  void withoutTraceContextTheServiceStillGetsOne() {
    String forwarded =
        given()
            .get("/api/v1/guide/steps")
            .then()
            .statusCode(200)
            .extract()
            .path("headers.traceparent");

    assertTrue(forwarded != null && forwarded.matches(TRACEPARENT), "forwarded: " + forwarded);
  }

  @Test
  void aLineLoggedWhileServingARequestNamesItsTrace() {
    String traceId = TraceIds.traceId();
    try (LogCapture log = LogCapture.of(UpstreamFailures.class.getName())) {
      given()
          .header("traceparent", "00-" + traceId + "-" + TraceIds.spanId() + "-00")
          .get("/api/v1/community/reset")
          .then()
          .statusCode(503);

      log.await(
          "a line about the request naming its trace",
          r ->
              r.message().contains("/api/v1/community/reset")
                  && traceId.equals(r.mdc().get("traceId")));
    }
  }
}
