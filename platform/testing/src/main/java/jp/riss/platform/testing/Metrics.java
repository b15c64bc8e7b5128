package jp.riss.platform.testing;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads series from a process's Prometheus scrape ({@code /q/metrics} on the management port), as
 * the operators' Prometheus does: tests assert that a metric moves when its fault happens.
 */
public final class Metrics {

  // name{labels} value [timestamp] [# exemplar]: a counter bumped inside a traced request carries
  // an exemplar (its trace and span ids) after the value.
  private static final Pattern SAMPLE =
      Pattern.compile(
          "^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*?)\\})?\\s+(\\S+)(?:\\s+\\d+)?(?:\\s+#.*)?$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private Metrics() {}

  /** The scrape's text. */
  public static String scrape(URL management) {
    return given()
        .baseUri(Management.base(management))
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  /**
   * The sum of the samples named {@code name} whose labels include {@code labels}; null when the
   * scrape has no such series at all.
   */
  public static Double value(URL management, String name, Map<String, String> labels) {
    return value(scrape(management), name, labels);
  }

  /** As {@link #value(URL, String, Map)}, from a scrape already read. */
  public static Double value(String scrape, String name, Map<String, String> labels) {
    Double sum = null;
    for (String line : scrape.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line.trim());
      if (!sample.matches() || !sample.group(1).equals(name)) {
        continue;
      }
      Map<String, String> found = new HashMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          found.put(label.group(1), label.group(2));
        }
      }
      if (found.entrySet().containsAll(labels.entrySet())) {
        sum = (sum == null ? 0 : sum) + Double.parseDouble(sample.group(3));
      }
    }
    return sum;
  }

  /** {@link #value(URL, String, Map)}, 0 when absent (a counter not incremented yet). */
  public static double count(URL management, String name, Map<String, String> labels) {
    Double value = value(management, name, labels);
    return value == null ? 0 : value;
  }
}
