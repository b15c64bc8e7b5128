package jp.riss.guide.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.guide.organisation.Orgs;
import jp.riss.platform.testing.EventLog;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.KafkaResource;
import org.junit.jupiter.api.Test;

/**
 * {@code guide.diagnosis.v1}: written with the diagnosis, conforming to its schema, anonymous, and
 * only for organisations that allow statistics.
 */
@QuarkusTest
class DiagnosisEventTest {

  private static final String TOPIC = "guide.diagnosis.v1";

  @Test
  void aCompletedDiagnosisIsAnnouncedWithoutAnythingThatIdentifiesTheOrganisation() {
    String company = "co-" + UUID.randomUUID().toString().substring(0, 8);
    String org = Orgs.create(company, 1, 0);
    try (EventLog log = new EventLog(KafkaResource.broker().bootstrapServers(), TOPIC)) {
      String first = Answers.all("yes").with("no", "b01").submit(company, org).getString("id");
      String second = Answers.all("yes").submit(company, org).getString("id");
      JsonNode one =
          log.awaitEvent(e -> first.equals(e.path("subject").asText()), Duration.ofSeconds(20));
      JsonNode two =
          log.awaitEvent(e -> second.equals(e.path("subject").asText()), Duration.ofSeconds(20));
      log.records().stream()
          .filter(r -> r.key().equals(first) || r.key().equals(second))
          .forEach(r -> assertEquals(Set.of(), EventSchemas.violations(TOPIC, r.value())));
      JsonNode data = one.get("data");
      assertEquals("jp.riss.guide.diagnosis.completed", one.get("type").asText());
      assertEquals(1, data.get("placedStep").asInt());
      assertEquals("13", data.get("prefecture").asText());
      assertEquals("E", data.get("jsicDivision").asText());
      assertEquals("21-50", data.get("employeeBand").asText());
      assertEquals("keep", data.get("scoreBand").asText());
      assertEquals("os-updates", data.get("gaps").get(0).get("gapCode").asText());
      assertEquals(2, data.get("gaps").get(0).get("themeCodes").get(0).asInt());
      assertFalse(data.get("isRepeat").asBoolean());
      assertTrue(two.get("data").get("isRepeat").asBoolean());
      String text = one.toString();
      for (String secret :
          List.of(org, company, "株式会社テスト工業", "\"score\":", "rawScore", "percent")) {
        assertFalse(text.contains(secret), secret + " must not be in " + text);
      }
    }
  }

  @Test
  void noEventLeavesForAnOrganisationThatDeclinedStatistics() {
    String company = "co-" + UUID.randomUUID().toString().substring(0, 8);
    String declined = Orgs.create(company, Orgs.data(1, 0, false));
    String allowed = Orgs.create(company, Orgs.data(1, 0, true));
    try (EventLog log = new EventLog(KafkaResource.broker().bootstrapServers(), TOPIC)) {
      String hidden = Answers.all("yes").submit(company, declined).getString("id");
      String shown = Answers.all("yes").submit(company, allowed).getString("id");
      // The later diagnosis's event arriving shows the relay has passed the earlier one.
      log.awaitEvent(e -> shown.equals(e.path("subject").asText()), Duration.ofSeconds(20));
      assertTrue(log.records().stream().noneMatch(r -> r.key().equals(hidden)));
    }
  }
}
