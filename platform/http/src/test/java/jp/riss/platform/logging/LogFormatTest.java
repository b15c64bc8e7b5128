package jp.riss.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.junit.jupiter.api.Test;

/**
 * Production logs are JSON on the console, dev and test logs plain text, and both carry the ids an
 * operator searches by. The profiles are read from the shared defaults exactly as a built jar reads
 * them; the record is formatted by the formatter class quarkus-logging-json installs.
 */
class LogFormatTest {

  private static final String JSON_ON = "quarkus.log.console.json.enabled";

  private static SmallRyeConfig profile(String name) {
    return new SmallRyeConfigBuilder().withProfile(name).addDefaultSources().build();
  }

  @Test
  void theProductionProfileLogsJsonAndDevAndTestPlainText() {
    assertTrue(profile("prod").getValue(JSON_ON, Boolean.class));
    assertFalse(profile("dev").getValue(JSON_ON, Boolean.class));
    assertFalse(profile("test").getValue(JSON_ON, Boolean.class));
  }

  @Test
  void thePlainFormatPrintsTheRequestTraceAndSpanIds() {
    String format = profile("dev").getValue("quarkus.log.console.format", String.class);
    for (String key : new String[] {"requestId", "traceId", "spanId"}) {
      assertTrue(format.contains("%X{" + key + "}"), format);
    }
  }

  @Test
  void testsAlsoWriteTheirLogToAFileInTarget() {
    SmallRyeConfig test = profile("test");
    assertTrue(test.getValue("quarkus.log.file.enabled", Boolean.class));
    assertEquals("target/quarkus-test.log", test.getValue("quarkus.log.file.path", String.class));
    assertFalse(test.getValue("quarkus.log.file.json.enabled", Boolean.class));
    assertFalse(test.getValue("quarkus.log.file.rotation.rotate-on-boot", Boolean.class));
    assertFalse(
        profile("prod").getOptionalValue("quarkus.log.file.enabled", Boolean.class).orElse(false));
  }

  @Test
  void aJsonLineCarriesTheRequestTraceAndSpanIdsOfItsContext() throws Exception {
    ExtLogRecord record =
        new ExtLogRecord(Level.WARNING, "upstream unavailable", getClass().getName());
    record.setMdc(
        Map.of(
            "requestId", "req-1",
            "traceId", "4bf92f3577b34da6a3ce929d0e0e4736",
            "spanId", "00f067aa0ba902b7",
            "sampled", "true"));
    String line = new JsonFormatter().format(record);

    assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, line);
    JsonNode json = new ObjectMapper().readTree(line);
    assertEquals("upstream unavailable", json.path("message").asText());
    assertEquals("WARNING", json.path("level").asText());
    assertEquals("req-1", json.path("mdc").path("requestId").asText());
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", json.path("mdc").path("traceId").asText());
    assertEquals("00f067aa0ba902b7", json.path("mdc").path("spanId").asText());
  }
}
