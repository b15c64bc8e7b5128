package jp.riss.deploy.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.riss.platform.testing.OperatorQueries;
import jp.riss.platform.testing.RepoPaths;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard use only metrics the suite exposes. Our own ({@code riss_*})
 * are compared with the meters the services' code registers (a rename there breaks this test); the
 * framework's (HTTP server, JVM) are compared with a live scrape by active-list-service's
 * OperatorMetricsTest.
 */
class OperatorQueriesTest {

  /** What operators alert on, as named in the issue and the README, plus the mail relay's. */
  private static final Set<String> OPERATOR_METRICS =
      Set.of(
          "riss_outbox_oldest_unsent_seconds",
          "riss_consumer_lag_records",
          "riss_dlt_records_total",
          "riss_webhook_delivery_failures_total",
          "riss_gateway_rate_limited_total",
          "riss_mail_failed_total");

  private static final Pattern COUNTER =
      Pattern.compile("(?:Counter\\.builder|\\.counter)\\(\\s*\"(riss\\.[a-z0-9_.]+)\"");
  private static final Pattern GAUGE =
      Pattern.compile(
          "Gauge\\.builder\\(\\s*\"(riss\\.[a-z0-9_.]+)\"([^;]*?)\\.register\\(", Pattern.DOTALL);
  private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\\s*\"(\\w+)\"\\s*\\)");

  @Test
  void theExtractionFindsMetricNamesOnly() {
    assertEquals(
        Set.of("http_server_requests_seconds_bucket"),
        OperatorQueries.metricNames(
            "histogram_quantile(0.99, sum by (job, le) (rate("
                + "http_server_requests_seconds_bucket{job=~\"$job\", uri!~\"/q/.*\"}[5m]))) > 0.5"));
    assertEquals(
        Set.of("riss_mail_failed_total", "riss_mail_sent_total"),
        OperatorQueries.metricNames(
            "sum by (job) (increase(riss_mail_failed_total[30m])) > 0 and sum without (instance)"
                + " (increase(riss_mail_sent_total[30m])) == 0"));
    assertEquals(Set.of("up"), OperatorQueries.metricNames("up{job=~\"riss-.+\"} == 0"));
  }

  @Test
  void everyRissMetricInTheRulesAndDashboardIsRegisteredByTheCode() throws IOException {
    Set<String> declared = declaredInCode();
    assertTrue(declared.containsAll(OPERATOR_METRICS), declared.toString());
    Set<String> recorded = OperatorQueries.recorded();
    List<String> unknown = new ArrayList<>();
    for (OperatorQueries.Query query : OperatorQueries.all()) {
      assertFalse(query.expr().isBlank(), query.where() + " has no expression");
      for (String name : OperatorQueries.metricNames(query.expr())) {
        boolean ours = name.startsWith("riss_");
        if (ours && !declared.contains(name)) {
          unknown.add(query.where() + ": " + name);
        }
        if (!ours && name.contains(":") && !recorded.contains(name)) {
          unknown.add(query.where() + ": " + name + " is recorded by no rule");
        }
      }
    }
    assertEquals(List.of(), unknown, "metrics no service registers: " + declared);
  }

  @Test
  void theDashboardShowsEveryOperatorMetric() {
    Set<String> shown = new TreeSet<>();
    OperatorQueries.panels().forEach(q -> shown.addAll(OperatorQueries.metricNames(q.expr())));
    assertTrue(shown.containsAll(OPERATOR_METRICS), shown.toString());
    assertTrue(
        shown.containsAll(
            Set.of(
                "http_server_requests_seconds_count",
                "http_server_requests_seconds_bucket",
                "jvm_memory_used_bytes")),
        shown.toString());
  }

  @Test
  void everyAlertSaysHowBadAndWhat() throws IOException {
    JsonNode root =
        new ObjectMapper(new YAMLFactory())
            .readTree(RepoPaths.root().resolve(OperatorQueries.RULES).toFile());
    int alerts = 0;
    for (JsonNode group : root.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("alert")) {
          alerts++;
          String name = rule.path("alert").asText();
          assertTrue(
              Set.of("info", "warning", "critical")
                  .contains(rule.path("labels").path("severity").asText()),
              name + " severity");
          assertFalse(rule.path("annotations").path("summary").asText().isBlank(), name);
        }
      }
    }
    assertTrue(alerts >= 10, alerts + " alerts");
  }

  /** Prometheus names of the riss meters registered in main code, as the registry exposes them. */
  static Set<String> declaredInCode() throws IOException {
    Set<String> names = new TreeSet<>();
    Path root = RepoPaths.root();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file :
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .filter(p -> !p.toString().contains("/.local/") && !p.toString().contains("/target/"))
              .toList()) {
        String code = Files.readString(file);
        if (!code.contains("io.micrometer")) {
          continue;
        }
        Matcher counter = COUNTER.matcher(code);
        while (counter.find()) {
          names.add(prometheus(counter.group(1)) + "_total");
        }
        Matcher gauge = GAUGE.matcher(code);
        while (gauge.find()) {
          Matcher unit = BASE_UNIT.matcher(gauge.group(2));
          names.add(prometheus(gauge.group(1)) + (unit.find() ? "_" + unit.group(1) : ""));
        }
      }
    }
    return names;
  }

  private static String prometheus(String meterName) {
    return meterName.replace('.', '_');
  }
}
