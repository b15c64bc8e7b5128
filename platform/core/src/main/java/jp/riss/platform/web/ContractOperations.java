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
 * META-INF/openapi.yaml} {@link ContractDocument} serves), keyed by method and path template.
 * Template variables are compared by position only, so {@code {id}} in the contract and {@code {id:
 * [0-9a-f-]+}} in a {@code @Path} are the same operation.
 */
@ApplicationScoped
public class ContractOperations {

  static final String CONTRACT = "META-INF/openapi.yaml";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  /** Per operation, each declared query parameter and whether it may be repeated (an array). */
  private final Map<String, Map<String, Boolean>> queryParameters = load();

  /** The names the contract declares for this operation; empty when it does not describe it. */
  public Set<String> queryParameters(String httpMethod, String pathTemplate) {
    return declared(httpMethod, pathTemplate).keySet();
  }

  /**
   * The names the contract declares as arrays for this operation ({@code theme=1&theme=2}); every
   * other parameter is given at most once.
   */
  public Set<String> repeatableQueryParameters(String httpMethod, String pathTemplate) {
    Set<String> names = new HashSet<>();
    declared(httpMethod, pathTemplate)
        .forEach(
            (name, repeatable) -> {
              if (repeatable) {
                names.add(name);
              }
            });
    return Set.copyOf(names);
  }

  private Map<String, Boolean> declared(String httpMethod, String pathTemplate) {
    String method = httpMethod.toLowerCase(Locale.ROOT);
    Map<String, Boolean> names = queryParameters.get(key(method, pathTemplate));
    if (names == null && method.equals("head")) {
      names = queryParameters.get(key("get", pathTemplate));
    }
    return names == null ? Map.of() : names;
  }

  static String key(String method, String pathTemplate) {
    return method + " " + pathTemplate.replaceAll("\\{[^}]*}", "{}");
  }

  private static Map<String, Map<String, Boolean>> load() {
    Map<String, Map<String, Boolean>> result = new HashMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(CONTRACT)) {
      if (in == null) {
        return result;
      }
      JsonNode root = new YAMLMapper().readTree(in);
      JsonNode paths = root.path("paths");
      for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> path = it.next();
        Map<String, Boolean> shared = names(root, path.getValue().path("parameters"));
        for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            ops.hasNext(); ) {
          Map.Entry<String, JsonNode> op = ops.next();
          if (METHODS.contains(op.getKey())) {
            Map<String, Boolean> names = new HashMap<>(shared);
            names.putAll(names(root, op.getValue().path("parameters")));
            result.put(key(op.getKey(), path.getKey()), Map.copyOf(names));
          }
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("the checked-in contract cannot be read", e);
    }
  }

  private static Map<String, Boolean> names(JsonNode root, JsonNode parameters) {
    Map<String, Boolean> names = new HashMap<>();
    for (JsonNode parameter : parameters) {
      JsonNode resolved = resolve(root, parameter);
      if ("query".equals(resolved.path("in").asText())) {
        JsonNode schema = resolve(root, resolved.path("schema"));
        names.put(resolved.path("name").asText(), "array".equals(schema.path("type").asText()));
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
