package jp.riss.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  private static CloudEvent sample() {
    return new CloudEvent(
        "1.0",
        "6f1c8e0a-2b43-4d3c-9a57-0c1f5e8b9d21",
        "urn:riss:active-list-service",
        "jp.riss.activelist.listing.published",
        "subject-1",
        OffsetDateTime.of(2026, 11, 25, 9, 0, 0, 0, ZoneOffset.ofHours(9)),
        "application/json",
        "urn:riss:schema:activelist.listing.v1",
        EventJson.mapper().valueToTree(Map.of("displayName", "情報 太郎")));
  }

  @Test
  void anEnvelopeSurvivesTheWireUnchanged() {
    CloudEvent event = sample();
    CloudEvent back = EventJson.read(EventJson.write(event));
    assertEquals(event.id(), back.id());
    assertEquals(event.time().toInstant(), back.time().toInstant());
    assertEquals("情報 太郎", back.data().path("displayName").asText());
  }

  @Test
  void timesAreWrittenAsIsoStringsNotNumbers() {
    String json = EventJson.write(sample());
    assertEquals(true, json.contains("\"time\":\"2026-11-25T09:00:00+09:00\""), json);
  }

  @Test
  void somethingThatIsNotACloudEventIsMalformed() {
    assertThrows(MalformedEventException.class, () -> EventJson.read("not json"));
    assertThrows(MalformedEventException.class, () -> EventJson.read("{\"id\":\"x\"}"));
    assertThrows(
        MalformedEventException.class,
        () ->
            EventJson.read(
                "{\"specversion\":\"0.3\",\"id\":\"x\",\"type\":\"t\",\"source\":\"s\"}"));
  }

  @Test
  void fieldsAddedByANewerProducerAreIgnored() {
    String json = EventJson.write(sample()).replaceFirst("\\{", "{\"traceparent\":\"00-abc\",");
    assertEquals("subject-1", EventJson.read(json).subject());
  }
}
