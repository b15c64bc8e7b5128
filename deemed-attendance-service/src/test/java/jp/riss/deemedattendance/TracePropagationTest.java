package jp.riss.deemedattendance;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.IMPORT_CYCLES;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;
import static jp.riss.deemedattendance.DeemedAttendanceApi.cycleRecord;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.registry.RegistrationChanged;
import jp.riss.deemedattendance.suggestion.EngagementEvents;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import jp.riss.platform.testing.RecordedSpans;
import jp.riss.platform.testing.TraceIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One trace from the request to the consumer: the request's span continues the traceparent the
 * gateway sends; the event it writes is published by the outbox relay in a child span, whose
 * context the CloudEvent carries; the inbox handles an event carrying that context in a span whose
 * parent is the publish span. Events without trace context, or with a broken one, are handled just
 * the same, in a trace of their own.
 */
@QuarkusTest
class TracePropagationTest {

  private static final AttributeKey<String> MESSAGE_ID =
      AttributeKey.stringKey("messaging.message.id");
  private static final String ENGAGEMENTS = "activelist.engagement.v1";

  @Inject RecordedSpans spans;
  @Inject AgroalDataSource dataSource;

  @BeforeEach
  void record() {
    spans.start();
  }

  @AfterEach
  void forget() {
    spans.stop();
  }

  @Test
  void theRequestThePublicationOfItsEventAndItsConsumptionAreOneTrace() throws Exception {
    String traceId = TraceIds.traceId();
    String gatewaySpanId = TraceIds.spanId();
    String number = DeemedAttendanceApi.freshNumber(dataSource);
    LocalDate start = RenewalCalendar.today(TestClock.CLOCK).minusYears(1);
    String topic = RegistrationChanged.TOPIC;

    try (EventLog log = new EventLog(KafkaResource.broker().bootstrapServers(), topic);
        EngagementEvents engagements = new EngagementEvents()) {
      // As the gateway forwards it: its own span as parent, the caller's tracestate kept.
      given()
          .filter(Contracts.validator())
          .header("traceparent", "00-" + traceId + "-" + gatewaySpanId + "-01")
          .header("tracestate", "riss=t1")
          .header("Authorization", bearer("ipa-admin", "ipa-admin-1"))
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "records",
                  List.of(cycleRecord(number, DeemedAttendanceApi.freshSubject(), start))))
          .post(IMPORT_CYCLES)
          .then()
          .statusCode(200)
          .body("created", equalTo(1));

      SpanData server =
          spans.await(
              "the request's server span",
              s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.SERVER);
      assertEquals(gatewaySpanId, server.getParentSpanId(), "child of the gateway's span");

      // Producing: the relay's span is the request's child, and the event names it.
      JsonNode event =
          log.awaitEvent(e -> number.equals(e.path("subject").asText()), Duration.ofSeconds(30));
      assertEquals(Set.of(), EventSchemas.violations(topic, event.toString()));
      String traceparent = event.path("traceparent").asText();
      String[] published = traceparent.split("-");
      assertEquals(4, published.length, traceparent);
      assertEquals(traceId, published[1], "the event carries the request's trace");
      assertEquals("riss=t1", event.path("tracestate").asText());
      SpanData publish =
          spans.await("the relay's publish span", s -> s.getSpanId().equals(published[2]));
      assertEquals(SpanKind.PRODUCER, publish.getKind());
      assertEquals("publish " + topic, publish.getName());
      assertEquals(traceId, publish.getTraceId());
      assertEquals(server.getSpanId(), publish.getParentSpanId(), "child of the request's span");

      // Consuming: an event published in this trace is handled in a child of its publish span.
      CloudEvent engagement = withTrace(engagement(number), traceparent);
      engagements.send(engagement);
      SpanData consumer = awaitConsumerSpan(engagement);
      assertEquals(SpanKind.CONSUMER, consumer.getKind());
      assertEquals("process " + ENGAGEMENTS, consumer.getName());
      assertEquals(traceId, consumer.getTraceId());
      assertEquals(publish.getSpanId(), consumer.getParentSpanId(), "child of the publish span");
      awaitHandled(engagement);
    }
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "00-not-a-trace",
        "00-00000000000000000000000000000000-0000000000000000-01",
        "zz-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
      })
  void anEventWithoutOrWithABrokenTraceparentIsHandledInATraceOfItsOwn(String traceparent)
      throws Exception {
    CloudEvent engagement =
        withTrace(engagement(DeemedAttendanceApi.freshNumber(dataSource)), traceparent);
    try (EngagementEvents engagements = new EngagementEvents()) {
      engagements.send(engagement);
    }

    SpanData consumer = awaitConsumerSpan(engagement);
    assertFalse(consumer.getParentSpanContext().isValid(), "a new trace");
    awaitHandled(engagement);
  }

  @Test
  void anOutboxRowWrittenOutsideAnyTraceIsPublishedInATraceOfItsOwn() throws Exception {
    String topic = "tracing-test.v1";
    UUID eventId = UUID.randomUUID();
    String envelope =
        "{\"specversion\":\"1.0\",\"id\":\""
            + eventId
            + "\",\"source\":\"urn:riss:test\",\"type\":\"jp.riss.test.row\",\"data\":{}}";
    try (EventLog log = new EventLog(KafkaResource.broker().bootstrapServers(), topic)) {
      // As rows written before the outbox kept trace context look: no traceparent.
      try (Connection c = dataSource.getConnection();
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO outbox (event_id, topic, aggregate_id, event_type, envelope)"
                      + " VALUES (?, ?, 'row', 'jp.riss.test.row', ?)")) {
        insert.setObject(1, eventId);
        insert.setString(2, topic);
        insert.setString(3, envelope);
        insert.executeUpdate();
      }

      JsonNode event =
          log.awaitEvent(
              e -> eventId.toString().equals(e.path("id").asText()), Duration.ofSeconds(30));
      String[] published = event.path("traceparent").asText().split("-");
      assertEquals(4, published.length, event.toString());
      assertTrue(event.path("tracestate").isMissingNode());
      SpanData publish =
          spans.await("the relay's publish span", s -> s.getSpanId().equals(published[2]));
      assertEquals(published[1], publish.getTraceId());
      assertFalse(publish.getParentSpanContext().isValid(), "a new trace");
      assertEquals("jp.riss.test.row", event.path("type").asText(), "the envelope is kept");
    }
  }

  private SpanData awaitConsumerSpan(CloudEvent event) {
    return spans.await(
        "the inbox's span for " + event.id(),
        s ->
            s.getKind() == SpanKind.CONSUMER
                && event.id().equals(s.getAttributes().get(MESSAGE_ID)));
  }

  /** Handled, not dead-lettered: the inbox records an event only with its handler's effect. */
  private void awaitHandled(CloudEvent event) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              try (Connection c = dataSource.getConnection();
                  PreparedStatement s =
                      c.prepareStatement("SELECT count(*) FROM inbox WHERE event_id = ?")) {
                s.setObject(1, UUID.fromString(event.id()));
                try (ResultSet rs = s.executeQuery()) {
                  rs.next();
                  return rs.getLong(1) == 1;
                }
              }
            });
  }

  private static CloudEvent engagement(String number) {
    LocalDate to = RenewalCalendar.today(TestClock.CLOCK).minusDays(20);
    return EngagementEvents.completed(UUID.randomUUID(), number, 1, to.minusDays(60), to);
  }

  private static CloudEvent withTrace(CloudEvent e, String traceparent) {
    return new CloudEvent(
        e.specversion(),
        e.id(),
        e.source(),
        e.type(),
        e.subject(),
        e.time(),
        e.datacontenttype(),
        e.dataschema(),
        e.data(),
        traceparent,
        null);
  }
}
