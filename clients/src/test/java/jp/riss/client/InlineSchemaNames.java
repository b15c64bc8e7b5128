package jp.riss.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where in a contract each inline object schema stands, under the model name openapi-generator
 * invents for it ({@code <operationId>Request}, {@code <operationId><status>Response}, {@code
 * <Parent><Property>}, {@code …Inner} for array items, {@code …Value} for map values; also a
 * property of several types, {@code type: [integer, string]}, which gets a wrapper model). Only
 * used to say where a model that is not a component schema came from; the check itself compares the
 * generated model classes with {@code components.schemas}.
 */
final class InlineSchemaNames {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private final Map<String, String> locations = new LinkedHashMap<>();

  private InlineSchemaNames() {}

  /** Model name (as generated) → location of the inline schema in the contract. */
  static Map<String, String> of(JsonNode contract) {
    InlineSchemaNames names = new InlineSchemaNames();
    names.components(contract.path("components").path("schemas"));
    names.paths(contract.path("paths"));
    return names.locations;
  }

  private void components(JsonNode schemas) {
    for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      // A component is a model of its own name; what it holds inline is named after it.
      members(e.getValue(), e.getKey(), "#/components/schemas/" + e.getKey());
    }
  }

  private void paths(JsonNode paths) {
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String operationId = op.getValue().path("operationId").asText("");
        if (!METHODS.contains(op.getKey()) || operationId.isEmpty()) {
          continue;
        }
        String at = op.getKey().toUpperCase() + " " + path.getKey() + " ";
        for (JsonNode parameter : op.getValue().path("parameters")) {
          named(
              parameter.path("schema"),
              operationId + "_" + parameter.path("name").asText() + "_parameter",
              at + "parameter " + parameter.path("name").asText());
        }
        content(
            op.getValue().path("requestBody").path("content"),
            operationId + "_request",
            at + "requestBody");
        for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields();
            rs.hasNext(); ) {
          Map.Entry<String, JsonNode> r = rs.next();
          content(
              r.getValue().path("content"),
              operationId + "_" + r.getKey() + "_response",
              at + "responses/" + r.getKey());
        }
      }
    }
  }

  private void content(JsonNode content, String name, String at) {
    for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> media = it.next();
      named(media.getValue().path("schema"), name, at + " " + media.getKey() + " schema");
    }
  }

  /** A schema in a place where, being an inline object, it becomes a model called {@code name}. */
  private void named(JsonNode schema, String name, String at) {
    if (!schema.isObject() || schema.has("$ref")) {
      return;
    }
    JsonNode nonNull = nonNullMember(schema);
    if (nonNull != null) {
      named(nonNull, name, at);
      return;
    }
    if (severalTypes(schema)) {
      // type: [integer, string] becomes a wrapper model of the generator's naming too.
      locations.putIfAbsent(modelName(name), at + " (type " + schema.path("type") + ")");
    } else if (schema.has("properties")) {
      locations.putIfAbsent(modelName(name), at);
      members(schema, name, at);
    } else if (schema.has("items")) {
      named(schema.path("items"), name + "_inner", at + "/items");
    } else if (schema.path("additionalProperties").isObject()) {
      named(schema.path("additionalProperties"), name + "_value", at + "/additionalProperties");
    }
  }

  /** What a model called {@code name} holds: its properties, items and composed members. */
  private void members(JsonNode schema, String name, String at) {
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      named(p.getValue(), name + "_" + p.getKey(), at + "/properties/" + p.getKey());
    }
    if (schema.has("items") && !schema.has("properties")) {
      named(schema.path("items"), name + "_inner", at + "/items");
    }
    for (JsonNode member : schema.path("allOf")) {
      if (!member.has("$ref")) {
        members(member, name, at + "/allOf");
      }
    }
  }

  private static boolean severalTypes(JsonNode schema) {
    int types = 0;
    for (JsonNode type : schema.path("type")) {
      types += "null".equals(type.asText()) ? 0 : 1;
    }
    return types > 1;
  }

  /** The X of {@code anyOf/oneOf: [X, {type: null}]}: a nullable X, named as X would be. */
  private static JsonNode nonNullMember(JsonNode schema) {
    for (String composed : new String[] {"anyOf", "oneOf"}) {
      JsonNode members = schema.path(composed);
      if (members.size() == 2) {
        for (int i = 0; i < 2; i++) {
          if ("null".equals(members.get(1 - i).path("type").asText())) {
            return members.get(i);
          }
        }
      }
    }
    return null;
  }

  /** openapi-generator's model name for a schema name: camel case, separators dropped. */
  static String modelName(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
