package jp.riss.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validates one Kubernetes object against the schema of its kind, failing on an unknown field, a
 * value of the wrong type and a missing required field (what the API server would refuse, or
 * silently drop). Kubernetes' own kinds are read by the models of the official Java client for
 * Kubernetes 1.30; the operators' kinds by their CRDs' schemas, checked in under {@code
 * k8s-schemas/} (its README names versions, sources and licences).
 */
final class ManifestSchemas {

  /** The Kubernetes API version the core kinds are checked against (client-java-api 21.x). */
  static final String KUBERNETES_VERSION = "1.30";

  /** The CRD files, each with the operator release it comes from. */
  static final List<String> CRDS =
      List.of(
          "k8s-schemas/strimzi-1.2.0/040-Crd-kafka.yaml",
          "k8s-schemas/strimzi-1.2.0/043-Crd-kafkatopic.yaml",
          "k8s-schemas/strimzi-1.2.0/045-Crd-kafkanodepool.yaml",
          "k8s-schemas/cloudnative-pg-1.30.0/postgresql.cnpg.io_clusters.yaml",
          "k8s-schemas/cloudnative-pg-1.30.0/postgresql.cnpg.io_scheduledbackups.yaml");

  /**
   * The Kubernetes kinds a manifest here may use, by "apiVersion kind", with the client model that
   * is their schema. A kind not listed (a typo in kind or apiVersion included) has no schema.
   */
  private static final Map<String, String> CORE_MODELS =
      Map.ofEntries(
          Map.entry("v1 Namespace", "V1Namespace"),
          Map.entry("v1 ConfigMap", "V1ConfigMap"),
          Map.entry("v1 Secret", "V1Secret"),
          Map.entry("v1 Service", "V1Service"),
          Map.entry("v1 ServiceAccount", "V1ServiceAccount"),
          Map.entry("v1 PersistentVolumeClaim", "V1PersistentVolumeClaim"),
          Map.entry("apps/v1 Deployment", "V1Deployment"),
          Map.entry("apps/v1 StatefulSet", "V1StatefulSet"),
          Map.entry("batch/v1 Job", "V1Job"),
          Map.entry("batch/v1 CronJob", "V1CronJob"),
          Map.entry("autoscaling/v2 HorizontalPodAutoscaler", "V2HorizontalPodAutoscaler"),
          Map.entry("policy/v1 PodDisruptionBudget", "V1PodDisruptionBudget"),
          Map.entry("networking.k8s.io/v1 Ingress", "V1Ingress"),
          Map.entry("networking.k8s.io/v1 NetworkPolicy", "V1NetworkPolicy"),
          Map.entry("rbac.authorization.k8s.io/v1 Role", "V1Role"),
          Map.entry("rbac.authorization.k8s.io/v1 RoleBinding", "V1RoleBinding"));

  private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Gson gson = new JSON().getGson();

  /** CRD schemas by "apiVersion kind". */
  private final Map<String, JsonSchema> crdSchemas = new TreeMap<>();

  ManifestSchemas() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    for (String resource : CRDS) {
      JsonNode crd = readResource(resource);
      String group = crd.path("spec").path("group").asText();
      String kind = crd.path("spec").path("names").path("kind").asText();
      for (JsonNode version : crd.path("spec").path("versions")) {
        if (version.path("served").asBoolean()) {
          JsonNode schema = strict(version.path("schema").path("openAPIV3Schema").deepCopy());
          crdSchemas.put(
              group + "/" + version.path("name").asText() + " " + kind, factory.getSchema(schema));
        }
      }
    }
  }

  /** The "apiVersion kind" pairs with a schema: Kubernetes' listed kinds and the CRDs'. */
  List<String> kinds() {
    List<String> kinds = new ArrayList<>(CORE_MODELS.keySet());
    kinds.addAll(crdSchemas.keySet());
    return kinds;
  }

  /** What is wrong with the object; empty when it is valid. */
  List<String> problems(JsonNode object) {
    String type = object.path("apiVersion").asText() + " " + object.path("kind").asText();
    String model = CORE_MODELS.get(type);
    if (model != null) {
      return coreProblems(object, model);
    }
    JsonSchema schema = crdSchemas.get(type);
    if (schema == null) {
      return List.of(
          "no schema for apiVersion/kind \""
              + type
              + "\" (Kubernetes "
              + KUBERNETES_VERSION
              + " kinds "
              + CORE_MODELS.keySet()
              + ", CRDs "
              + crdSchemas.keySet()
              + ")");
    }
    List<String> problems = new ArrayList<>();
    for (ValidationMessage message : schema.validate(object)) {
      problems.add(message.getMessage());
    }
    // A CRD's schema says only "metadata: object"; the API server checks it as ObjectMeta.
    problems.addAll(coreProblems(object.path("metadata"), V1ObjectMeta.class, "$.metadata"));
    return problems;
  }

  private List<String> coreProblems(JsonNode object, String model) {
    try {
      Class<?> type = Class.forName("io.kubernetes.client.openapi.models." + model);
      return coreProblems(object, type, "$");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("client-java-api has no model " + model, e);
    }
  }

  /**
   * Reads the object with the client's strict reader (unknown fields, missing required fields,
   * wrong JSON shapes fail), then writes it back: a difference means the reader had to convert a
   * value ("2" read as an integer, "yes" as a boolean) that the API server would refuse.
   */
  private List<String> coreProblems(JsonNode object, Class<?> type, String path) {
    JsonElement given = JsonParser.parseString(toJson(object));
    Object read;
    try {
      read = gson.fromJson(given, type);
    } catch (RuntimeException e) {
      return List.of(locate(given, path, e));
    }
    JsonElement written = gson.toJsonTree(read);
    String difference = firstDifference(given, written, path);
    return difference == null ? List.of() : List.of(difference);
  }

  private static String firstDifference(JsonElement given, JsonElement written, String path) {
    if (given.isJsonObject() && written.isJsonObject()) {
      JsonObject a = given.getAsJsonObject();
      JsonObject b = written.getAsJsonObject();
      for (String key : a.keySet()) {
        if (!b.has(key)) {
          if (a.get(key).isJsonNull()) {
            continue;
          }
          return path + "." + key + ": not a field of the schema, or of the wrong type";
        }
        String inner = firstDifference(a.get(key), b.get(key), path + "." + key);
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    if (given.isJsonArray() && written.isJsonArray()) {
      var a = given.getAsJsonArray();
      var b = written.getAsJsonArray();
      if (a.size() != b.size()) {
        return path + ": list read as " + b.size() + " entries, given " + a.size();
      }
      for (int i = 0; i < a.size(); i++) {
        String inner = firstDifference(a.get(i), b.get(i), path + "[" + i + "]");
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    if (given.equals(written)) {
      return null;
    }
    return path
        + ": "
        + given
        + " is of the wrong type or not in canonical form (the schema reads it as "
        + written
        + ")";
  }

  /**
   * The CRD schema with pruning made an error: an object schema listing properties, without
   * additionalProperties or x-kubernetes-preserve-unknown-fields, refuses other fields; nullable
   * admits null.
   */
  static JsonNode strict(JsonNode schema) {
    if (schema.isObject()) {
      ObjectNode node = (ObjectNode) schema;
      if (node.has("properties")
          && !node.has("additionalProperties")
          && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
        node.put("additionalProperties", false);
      }
      if (node.path("nullable").asBoolean() && node.has("type") && node.get("type").isTextual()) {
        ArrayNode types = node.arrayNode().add(node.get("type").asText()).add("null");
        node.set("type", types);
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("properties")) {
          field.getValue().forEach(ManifestSchemas::strict);
        } else if (!field.getKey().equals("enum") && !field.getKey().equals("default")) {
          strict(field.getValue());
        }
      }
    } else if (schema.isArray()) {
      schema.forEach(ManifestSchemas::strict);
    }
    return schema;
  }

  private static String toJson(JsonNode node) {
    try {
      return JSON_MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The reader names unknown and missing fields but not where a number failed to parse: find the
   * string it was given in the object and name its path.
   */
  private static String locate(JsonElement given, String path, RuntimeException e) {
    Throwable cause = e.getCause();
    String message = String.valueOf(cause == null ? null : cause.getMessage());
    String prefix = "For input string: \"";
    if (cause instanceof NumberFormatException && message.startsWith(prefix)) {
      String value = message.substring(prefix.length(), message.length() - 1);
      List<String> paths = new ArrayList<>();
      pathsOf(given, value, path, paths);
      if (!paths.isEmpty()) {
        return String.join(", ", paths) + ": \"" + value + "\" where a number is expected";
      }
    }
    return path + ": " + firstLine(e);
  }

  private static void pathsOf(JsonElement node, String value, String path, List<String> paths) {
    if (node.isJsonObject()) {
      node.getAsJsonObject()
          .entrySet()
          .forEach(e -> pathsOf(e.getValue(), value, path + "." + e.getKey(), paths));
    } else if (node.isJsonArray()) {
      for (int i = 0; i < node.getAsJsonArray().size(); i++) {
        pathsOf(node.getAsJsonArray().get(i), value, path + "[" + i + "]", paths);
      }
    } else if (node.isJsonPrimitive()
        && node.getAsJsonPrimitive().isString()
        && node.getAsString().equals(value)) {
      paths.add(path);
    }
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int json = message.indexOf(" JSON: ");
    if (json < 0) {
      json = message.indexOf(" in the JSON string");
    }
    String line = json > 0 ? message.substring(0, json) : message;
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static JsonNode readResource(String resource) {
    try (InputStream in = ManifestSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + resource);
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }
}
