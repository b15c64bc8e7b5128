package jp.riss.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL the operators run against the suite: every expression of the Prometheus rules and of
 * the Grafana dashboard under {@code deploy/observability/}, and the metric names they use. Tests
 * compare those names with what the services expose, so a renamed metric breaks the build instead
 * of silently emptying an alert or a panel.
 */
public final class OperatorQueries {

  public static final String RULES = "deploy/observability/prometheus/riss-alerts.yaml";
  public static final String DASHBOARD = "deploy/observability/grafana/riss-overview.json";

  /**
   * Series that do not come from the services: {@code up} is Prometheus' own per target, the {@code
   * kube_*} ones are kube-state-metrics' (alert RissServiceNotReady).
   */
  public static final Set<String> EXTERNAL =
      Set.of("up", "kube_deployment_status_replicas_available", "kube_deployment_spec_replicas");

  /** One expression and where it stands. */
  public record Query(String where, String expr) {}

  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "and",
          "or",
          "unless",
          "offset",
          "bool",
          "inf",
          "nan");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*\\}");
  private static final Pattern RANGES = Pattern.compile("\\[[^\\]]*\\]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern VARIABLES = Pattern.compile("\\$\\{[^}]*\\}|\\$\\w+");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

  private OperatorQueries() {}

  /** The metric names an expression selects (not functions, keywords, labels or numbers). */
  public static Set<String> metricNames(String expr) {
    String s = VARIABLES.matcher(expr).replaceAll("x");
    s = STRING.matcher(s).replaceAll("\"\"");
    s = MATCHERS.matcher(s).replaceAll(" ");
    s = RANGES.matcher(s).replaceAll(" ");
    s = GROUPING.matcher(s).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      String name = m.group(1);
      boolean function = m.group(2) != null;
      if (!function && !KEYWORDS.contains(name.toLowerCase()) && !name.matches("\\d.*|e\\d*")) {
        names.add(name);
      }
    }
    return names;
  }

  /** Every rule's expression (alerts and recordings). */
  public static List<Query> rules() {
    List<Query> queries = new ArrayList<>();
    for (JsonNode rule : ruleNodes()) {
      String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
      queries.add(new Query(RULES + " " + name, rule.path("expr").asText()));
    }
    return queries;
  }

  /** The names the rules file records (usable in other rules and panels). */
  public static Set<String> recorded() {
    Set<String> names = new TreeSet<>();
    ruleNodes().stream()
        .filter(rule -> rule.has("record"))
        .forEach(rule -> names.add(rule.path("record").asText()));
    return names;
  }

  private static List<JsonNode> ruleNodes() {
    List<JsonNode> rules = new ArrayList<>();
    read(RULES, new ObjectMapper(new YAMLFactory()))
        .path("groups")
        .forEach(group -> group.path("rules").forEach(rules::add));
    return rules;
  }

  /** Every panel target's expression. */
  public static List<Query> panels() {
    JsonNode root = read(DASHBOARD, new ObjectMapper());
    List<Query> queries = new ArrayList<>();
    collectPanels(root.path("panels"), queries);
    return queries;
  }

  private static void collectPanels(JsonNode panels, List<Query> queries) {
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(
            new Query(
                DASHBOARD + " panel \"" + panel.path("title").asText() + "\"",
                target.path("expr").asText()));
      }
      collectPanels(panel.path("panels"), queries);
    }
  }

  /** Rules and panels together. */
  public static List<Query> all() {
    List<Query> all = new ArrayList<>(rules());
    all.addAll(panels());
    return all;
  }

  private static JsonNode read(String file, ObjectMapper mapper) {
    Path path = RepoPaths.root().resolve(file);
    try {
      return mapper.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
