package jp.riss.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** W3C trace context to and from outbox rows and CloudEvents. */
class TraceContextTest {

  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String SPAN_ID = "b7ad6b7169203331";

  private static Span span(TraceState state) {
    return Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), state));
  }

  @Test
  void outsideAnySpanThereIsNoContext() {
    assertNull(TraceContext.current());
  }

  @Test
  void theCurrentSpanIsWrittenAsTraceparentAndTracestate() {
    Span span = span(TraceState.builder().put("riss", "t1").build());
    try (Scope ignored = span.makeCurrent()) {
      TraceContext current = TraceContext.current();
      assertEquals("00-" + TRACE_ID + "-" + SPAN_ID + "-01", current.traceparent());
      assertEquals("riss=t1", current.tracestate());
    }
  }

  @Test
  void aTracestateLongerThanTheBoundIsDroppedWhole() {
    Span span =
        span(
            TraceState.builder()
                .put("riss", "x".repeat(250))
                .put("a", "y".repeat(250))
                .put("b", "z".repeat(20))
                .build());
    TraceContext context = TraceContext.of(span);
    assertEquals("00-" + TRACE_ID + "-" + SPAN_ID + "-01", context.traceparent());
    assertNull(context.tracestate());
  }

  @Test
  void theNamedSpanBecomesTheRemoteParent() {
    Context parent = TraceContext.parent("00-" + TRACE_ID + "-" + SPAN_ID + "-01", "riss=t1");
    SpanContext remote = Span.fromContext(parent).getSpanContext();
    assertTrue(remote.isValid());
    assertTrue(remote.isRemote());
    assertEquals(TRACE_ID, remote.getTraceId());
    assertEquals(SPAN_ID, remote.getSpanId());
    assertEquals("t1", remote.getTraceState().get("riss"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "  ",
        "garbage",
        "00-" + TRACE_ID + "-" + SPAN_ID,
        "00-00000000000000000000000000000000-" + SPAN_ID + "-01",
        "00-" + TRACE_ID + "-0000000000000000-01",
        "ff-" + TRACE_ID + "-" + SPAN_ID + "-01",
        "00-0AF7651916CD43DD8448EB211C80319C-" + SPAN_ID + "-01",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-01\u0000"
      })
  void missingOrMalformedValuesStartANewTraceInsteadOfFailing(String traceparent) {
    Context parent = TraceContext.parent(traceparent, "riss=\u0000,,=");
    assertFalse(Span.fromContext(parent).getSpanContext().isValid());
  }

  @Test
  void addedToAnEnvelopeTheAttributesReadBackAndTheRestIsUnchanged() {
    CloudEvent event =
        new CloudEvent(
            "1.0",
            "6f1c0f4e-8b57-4c4b-9d1e-2f3a4b5c6d7e",
            "urn:riss:test",
            "jp.riss.test.done",
            "s-1",
            OffsetDateTime.of(2026, 12, 5, 9, 0, 0, 0, ZoneOffset.UTC),
            "application/json",
            "urn:riss:schema:test.v1",
            EventJson.mapper().createObjectNode().put("n", 1));
    String traceparent = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

    CloudEvent read =
        EventJson.read(new TraceContext(traceparent, "a=\"q\\\"").addTo(EventJson.write(event)));

    assertEquals(traceparent, read.traceparent());
    assertEquals("a=\"q\\\"", read.tracestate(), "escaped as JSON");
    assertEquals(
        event,
        new CloudEvent(
            read.specversion(),
            read.id(),
            read.source(),
            read.type(),
            read.subject(),
            read.time(),
            read.datacontenttype(),
            read.dataschema(),
            read.data()));
    assertFalse(
        EventJson.write(event).contains("traceparent"), "absent attributes are not written");
    assertNull(
        EventJson.read(new TraceContext(traceparent, null).addTo(EventJson.write(event)))
            .tracestate());
  }
}
