package jp.riss.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The problem types' one source, gateway/src/main/portal/problems.yaml, as the tests read it. */
final class ProblemCatalogue {

  static final Path FILE = Path.of("src/main/portal/problems.yaml").toAbsolutePath();

  private ProblemCatalogue() {}

  /** Each kind with its entry (status, title, meaning, action, services). */
  static Map<String, JsonNode> load() {
    try {
      JsonNode kinds = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()).path("kinds");
      Map<String, JsonNode> out = new TreeMap<>();
      kinds.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
