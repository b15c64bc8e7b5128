package jp.riss.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters each operation of the service's checked-in contract declares (the {@code
 * META-INF/openapi.yaml} SmallRye OpenAPI serves), keyed by method and path template. Template
 * variables are compared by position only, so {@code {id}} in the contract and {@code {id:
 * [0-9a-f-]+}} in a {@code @Path} are the same operation.
 */
@ApplicationScoped
public class ContractOperations {

  static final String CONTRACT = "META-INF/openapi.yaml";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private final Map<String, Set<String>> queryParameters = load();

  /** The names the contract declares for this operation; empty when it does not describe it. */
  public Set<String> queryParameters(String httpMethod, String pathTemplate) {
    String method = httpMethod.toLowerCase(Locale.ROOT);
    Set<String> names = queryParameters.get(key(method, pathTemplate));
    if (names == null && method.equals("head")) {
      names = queryParameters.get(key("get", pathTemplate));
    }
    return names == null ? Set.of() : names;
  }

  static String key(String method, String pathTemplate) {
    return method + " " + pathTemplate.replaceAll("\\{[^}]*}", "{}");
  }

  private static Map<String, Set<String>> load() {
    Map<String, Set<String>> result = new HashMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(CONTRACT)) {
      if (in == null) {
        return result;
      }
      JsonNode root = new YAMLMapper().readTree(in);
      JsonNode paths = root.path("paths");
      for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> path = it.next();
        Set<String> shared = names(root, path.getValue().path("parameters"));
        for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            ops.hasNext(); ) {
          Map.Entry<String, JsonNode> op = ops.next();
          if (METHODS.contains(op.getKey())) {
            Set<String> names = new HashSet<>(shared);
            names.addAll(names(root, op.getValue().path("parameters")));
            result.put(key(op.getKey(), path.getKey()), Set.copyOf(names));
          }
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("the checked-in contract cannot be read", e);
    }
  }

  private static Set<String> names(JsonNode root, JsonNode parameters) {
    Set<String> names = new HashSet<>();
    for (JsonNode parameter : parameters) {
      JsonNode resolved = resolve(root, parameter);
      if ("query".equals(resolved.path("in").asText())) {
        names.add(resolved.path("name").asText());
      }
    }
    return names;
  }

  private static JsonNode resolve(JsonNode root, JsonNode node) {
    String ref = node.path("$ref").asText("");
    if (!ref.startsWith("#/")) {
      return node;
    }
    JsonNode target = root;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part.replace("~1", "/").replace("~0", "~"));
    }
    return target;
  }
}
