package jp.riss.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.riss.platform.testing.RepoPaths;
import org.junit.jupiter.api.Test;

/**
 * The problem types page is only useful if it is complete: every kind the services and the gateway
 * can answer with is in its one source (gateway/src/main/portal/problems.yaml) with the status the
 * code gives it, and nothing is listed that no code answers with.
 */
class ProblemCatalogueTest {

  // How the code names a kind: Problem.of(status, "kind", ...), a conflict/rule helper that fixes
  // the status (409 or 422) and takes the kind first, and the gateway's Kind enum (status, "kind").
  private static final Pattern OF =
      Pattern.compile("\\bProblem\\.of\\(\\s*(\\d{3})\\s*,\\s*\"([a-z][a-z0-9-]*)\"");
  private static final Pattern CONFLICT =
      Pattern.compile("\\b\\w*conflict\\(\\s*\"([a-z][a-z0-9-]*)\"\\s*,");
  private static final Pattern RULE = Pattern.compile("\\brule\\(\\s*\"([a-z][a-z0-9-]*)\"\\s*,");
  private static final Pattern ENUM =
      Pattern.compile("\\b[A-Z][A-Z_]+\\(\\s*(\\d{3})\\s*,\\s*\"([a-z][a-z0-9-]*)\"");
  // platform-core's ProblemMappers names a JAX-RS status it has no kind for by its reason phrase.
  private static final Map<String, Integer> FROM_REASON_PHRASE =
      Map.of("method-not-allowed", 405, "not-acceptable", 406, "unsupported-media-type", 415);

  @Test
  void everyKindTheCodeAnswersWithIsListedWithItsStatusAndNothingElse() {
    Map<String, Integer> inCode = new TreeMap<>(FROM_REASON_PHRASE);
    for (Path source : mainSources()) {
      String java = read(source);
      collect(OF.matcher(java), inCode, source, 1, 2);
      collect(ENUM.matcher(java), inCode, source, 1, 2);
      Matcher conflict = CONFLICT.matcher(java);
      while (conflict.find()) {
        inCode.putIfAbsent(conflict.group(1), 409);
      }
      Matcher rule = RULE.matcher(java);
      while (rule.find()) {
        inCode.putIfAbsent(rule.group(1), 422);
      }
    }
    Map<String, JsonNode> catalogue = ProblemCatalogue.load();
    Set<String> missing = new TreeSet<>(inCode.keySet());
    missing.removeAll(catalogue.keySet());
    assertEquals(
        Set.of(), missing, "kinds the code answers with but " + ProblemCatalogue.FILE + " lacks");
    Set<String> stale = new TreeSet<>(catalogue.keySet());
    stale.removeAll(inCode.keySet());
    assertEquals(Set.of(), stale, "kinds listed that no code answers with");
    inCode.forEach(
        (kind, status) ->
            assertEquals(status, catalogue.get(kind).path("status").asInt(), kind + " status"));
    // Enough found to trust the scan: the platform's, the gateway's and every service's kinds.
    assertTrue(inCode.size() > 100, "kinds found in the code: " + inCode.size());
  }

  @Test
  void everyKindSaysWhatItMeansAndWhatToDo() {
    ProblemCatalogue.load()
        .forEach(
            (kind, entry) -> {
              for (String field : new String[] {"title", "meaning", "action"}) {
                String text = entry.path(field).asText();
                assertTrue(text.length() >= 5 && text.length() <= 1000, kind + " " + field);
              }
              assertTrue(entry.path("services").size() > 0, kind + " services");
            });
  }

  private static void collect(
      Matcher matcher, Map<String, Integer> into, Path source, int statusGroup, int kindGroup) {
    while (matcher.find()) {
      int status = Integer.parseInt(matcher.group(statusGroup));
      Integer before = into.putIfAbsent(matcher.group(kindGroup), status);
      assertTrue(
          before == null || before == status,
          matcher.group(kindGroup) + " has two statuses (" + source + ")");
    }
  }

  private static Iterable<Path> mainSources() {
    Path root = RepoPaths.root();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> root.relativize(p).toString().contains("/src/main/java/"))
          .filter(p -> !root.relativize(p).startsWith("tools"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path source) {
    try {
      return Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
