package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.arc.Arc;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.LateBoundSpanProcessor;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.RemoveableLateBoundSpanProcessor;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.testing.RecordedSpans;
import jp.riss.platform.testing.TraceIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * W3C trace context through the gateway: its span continues the caller's trace, and the request it
 * forwards names that span as parent, so the service's span joins the same trace.
 */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class TracingTest {

  private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]";

  @Inject RecordedSpans spans;

  @BeforeEach
  void record() {
    spans.start();
  }

  @AfterEach
  void forget() {
    spans.stop();
  }

  @Test
  void theGatewaySpanIsTheCallersChildAndTheParentOfTheForwardedRequest() {
    String traceId = TraceIds.traceId();
    String callerSpanId = TraceIds.spanId();

    String forwarded =
        given()
            .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
            .get("/api/v1/guide/versions/current")
            .then()
            .statusCode(200)
            .extract()
            .path("headers.traceparent");

    SpanData server =
        spans.await(
            "the gateway's server span",
            s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.SERVER);
    assertEquals(callerSpanId, server.getParentSpanId(), "child of the caller's span");
    // What an operator reads off the span: the answer's status and the route, never the path.
    assertEquals(
        200L,
        server.getAttributes().get(AttributeKey.longKey("http.response.status_code")),
        server.toString());
    assertEquals("GET /api/v1/guide/", server.getName(), server.toString());

    assertTrue(forwarded != null && forwarded.matches(TRACEPARENT), "forwarded: " + forwarded);
    String[] parts = forwarded.split("-");
    assertEquals(traceId, parts[1], "the service joins the caller's trace");
    // The gateway's server span itself is the parent of what the service records (no client span
    // of its own in between: ForwardedTraceContext).
    assertEquals(server.getSpanId(), parts[2], "the forwarded request names the gateway's span");
  }

  @Test
  void aRequestWithoutTraceContextStartsATraceTheServiceJoins() {
    String forwarded =
        given()
            .get("/api/v1/active-list/listings")
            .then()
            .statusCode(200)
            .extract()
            .path("headers.traceparent");

    assertTrue(forwarded != null && forwarded.matches(TRACEPARENT), "forwarded: " + forwarded);
    String traceId = forwarded.split("-")[1];
    SpanData server =
        spans.await(
            "the gateway's server span",
            s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.SERVER);
    assertFalse(server.getParentSpanContext().isValid(), "a new trace starts at the gateway");
  }

  @Test
  void aMalformedTraceparentIsNotForwardedAndStartsANewTrace() {
    String malformed = "00-" + "z".repeat(32) + "-" + TraceIds.spanId() + "-01";

    String forwarded =
        given()
            .header("traceparent", malformed)
            .get("/api/v1/community/events")
            .then()
            .statusCode(200)
            .extract()
            .path("headers.traceparent");

    assertTrue(forwarded != null && forwarded.matches(TRACEPARENT), "forwarded: " + forwarded);
    assertNotEquals(malformed, forwarded);
    String traceId = forwarded.split("-")[1];
    SpanData server =
        spans.await(
            "the gateway's server span",
            s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.SERVER);
    assertFalse(server.getParentSpanContext().isValid());
  }

  @Test
  void withoutAConfiguredEndpointNothingIsExported() {
    // OTEL_EXPORTER_OTLP_ENDPOINT is not set here: Quarkus' OTLP span processor must be the inert
    // one, or every process would try localhost:4317 and log failed exports.
    assertInstanceOf(
        RemoveableLateBoundSpanProcessor.class,
        Arc.container().select(LateBoundSpanProcessor.class).get());
  }
}
