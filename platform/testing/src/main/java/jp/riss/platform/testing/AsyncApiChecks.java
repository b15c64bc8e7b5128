package jp.riss.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.enterprise.inject.Any;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The service's AsyncAPI document ({@code src/main/asyncapi/asyncapi.yaml}) against what the code
 * does, in both directions, and against what the service serves at {@code GET /asyncapi}. A
 * service's {@code @QuarkusTest AsyncApiTest} extends this.
 *
 * <p>What the service <em>produces</em> is read from the code: the event classes the outbox is
 * given (those declaring both {@code TOPIC} and {@code SCHEMA}) name the topic and the JSON Schema
 * checked in beside the producer ({@code src/main/resources/events/<SCHEMA>.schema.json}), whose
 * {@code type} enum is every CloudEvents type the service may write there (produced events are
 * validated against it); the classes' own {@code jp.riss.*} type constants must be in it too. What
 * it <em>consumes</em> is its inbox handlers' topics. The document is read as served, every
 * reference inlined, which the last check proves is the checked-in document bundled.
 */
public abstract class AsyncApiChecks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DOCUMENT = Path.of("src/main/asyncapi/asyncapi.yaml");
  private static final Path EVENT_SCHEMAS = Path.of("src/main/resources/events");
  // Referenced by name: platform-testing also serves the gateway, which has no inbox.
  private static final String INBOX_HANDLER = "jp.riss.platform.inbox.InboxHandler";
  private static final String DEAD_LETTER_SUFFIX = ".dlt";

  /** One Kafka topic and the CloudEvents types on it. */
  private record Topic(String address, Set<String> types) {}

  @Test
  void everyProducedEventTypeIsDocumentedAndEveryDocumentedOneIsProduced() throws Exception {
    Map<String, Set<String>> produced = producedByTheCode();
    Map<String, Set<String>> documented = new TreeMap<>();
    for (Topic topic : operations("send")) {
      if (!topic.address().endsWith(DEAD_LETTER_SUFFIX)) {
        documented.put(topic.address(), topic.types());
      }
    }
    List<String> problems = new ArrayList<>();
    produced.forEach(
        (topic, types) -> {
          Set<String> there = documented.getOrDefault(topic, Set.of());
          if (!documented.containsKey(topic)) {
            problems.add(
                "the service produces topic "
                    + topic
                    + " but "
                    + DOCUMENT
                    + " has no send operation on a channel with that address");
          }
          for (String type : types) {
            if (!there.contains(type)) {
              problems.add(
                  "the service produces "
                      + type
                      + " on "
                      + topic
                      + " (events/"
                      + topic
                      + ".schema.json) but "
                      + DOCUMENT
                      + " sends no message named so on it: document it");
            }
          }
        });
    documented.forEach(
        (topic, types) -> {
          Set<String> made = produced.getOrDefault(topic, Set.of());
          for (String type : types) {
            if (!made.contains(type)) {
              problems.add(
                  DOCUMENT
                      + " documents "
                      + type
                      + " sent on "
                      + topic
                      + " but the service never produces it (no event class with that TOPIC, or"
                      + " the type is not in its schema's type enum): remove it or produce it");
            }
          }
        });
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void receivedChannelsAreTheInboxHandlersTopicsWithTheProducersEvents() throws Exception {
    Set<String> handled = handledTopics();
    Set<String> received = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (JsonNode operation : operationNodes("receive")) {
      String topic = operation.path("channel").path("address").asText();
      received.add(topic);
      for (JsonNode message : operation.path("messages")) {
        // The producer's schema, inlined from its file: the message's type must be one it allows.
        JsonNode envelope = message.path("payload").path("allOf").path(0);
        Set<String> allowed = typesOf(envelope);
        if (!("urn:riss:schema:" + topic).equals(envelope.path("$id").asText())) {
          problems.add(
              "message "
                  + message.path("name").asText()
                  + " received on "
                  + topic
                  + " does not reference the producer's schema of that topic (its $id is '"
                  + envelope.path("$id").asText()
                  + "')");
        } else if (!allowed.contains(message.path("name").asText())) {
          problems.add(
              "message "
                  + message.path("name").asText()
                  + " received on "
                  + topic
                  + " is not a type the producer's schema allows: "
                  + allowed);
        }
      }
    }
    for (String topic : handled) {
      if (!received.contains(topic)) {
        problems.add(
            "an inbox handler consumes "
                + topic
                + " but "
                + DOCUMENT
                + " has no receive operation");
      }
    }
    for (String topic : received) {
      if (!handled.contains(topic)) {
        problems.add(DOCUMENT + " receives " + topic + " but no inbox handler consumes it");
      }
    }
    Set<String> parked = new TreeSet<>();
    for (Topic topic : operations("send")) {
      if (topic.address().endsWith(DEAD_LETTER_SUFFIX)) {
        parked.add(topic.address());
      }
    }
    Set<String> deadLetters = new TreeSet<>();
    handled.forEach(topic -> deadLetters.add(topic + DEAD_LETTER_SUFFIX));
    if (!parked.equals(deadLetters)) {
      problems.add(
          "the inbox parks what it cannot handle on "
              + deadLetters
              + " but "
              + DOCUMENT
              + " sends to the dead-letter channels "
              + parked);
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void servedDocumentIsTheCheckedInOneBundled() throws Exception {
    String served =
        given()
            .get("/asyncapi")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .extract()
            .asString();
    JsonNode servedJson = JSON.readTree(served);
    assertEquals(
        bundleOfTheCheckedInDocument(),
        servedJson,
        "GET /asyncapi is not "
            + DOCUMENT
            + " as it bundles now: rebuild (mvn generate-resources)");
    assertTrue(!served.contains("\"$ref\""), "the served document must stand alone: no $ref");
  }

  /** Topic → types, from the event classes and the schema files beside them. */
  private Map<String, Set<String>> producedByTheCode() throws Exception {
    Map<String, Set<String>> produced = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Class<?> type : ClassesUnder.load(getClass().getPackageName())) {
      String topic = constant(type, "TOPIC");
      String schemaName = constant(type, "SCHEMA");
      if (topic == null || schemaName == null) {
        continue; // not an event the service writes (a consumer's view of another's event)
      }
      Path schemaFile = EVENT_SCHEMAS.resolve(schemaName + ".schema.json");
      if (!Files.exists(schemaFile)) {
        problems.add(type.getName() + " writes " + topic + " but there is no " + schemaFile);
        continue;
      }
      Set<String> allowed = typesOf(JSON.readTree(schemaFile.toFile()));
      produced.computeIfAbsent(topic, t -> new TreeSet<>()).addAll(allowed);
      for (String value : typeConstants(type)) {
        boolean prefix = value.endsWith("-") || value.endsWith(".");
        boolean known =
            prefix ? allowed.stream().anyMatch(t -> t.startsWith(value)) : allowed.contains(value);
        if (!known) {
          problems.add(
              type.getName()
                  + " can emit "
                  + value
                  + (prefix ? "…" : "")
                  + " but "
                  + schemaFile
                  + " does not allow it");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(!produced.isEmpty() || !Files.exists(EVENT_SCHEMAS), "no event classes found");
    return produced;
  }

  private static String constant(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && field.getType() == String.class) {
        field.setAccessible(true);
        return (String) field.get(null);
      }
    } catch (NoSuchFieldException | IllegalAccessException e) {
      // no such constant
    }
    return null;
  }

  private static List<String> typeConstants(Class<?> type) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        field.setAccessible(true);
        Object value = field.get(null);
        if (value instanceof String s && s.startsWith("jp.riss.")) {
          values.add(s);
        }
      }
    }
    return values;
  }

  private static Set<String> typesOf(JsonNode envelopeSchema) {
    JsonNode type = envelopeSchema.path("properties").path("type");
    Set<String> types = new TreeSet<>();
    if (type.has("const")) {
      types.add(type.get("const").asText());
    }
    type.path("enum").forEach(t -> types.add(t.asText()));
    return types;
  }

  private static Set<String> handledTopics() throws Exception {
    Class<?> handlerType =
        Class.forName(INBOX_HANDLER, true, Thread.currentThread().getContextClassLoader());
    Set<String> topics = new TreeSet<>();
    for (InstanceHandle<?> handle : Arc.container().listAll(handlerType, Any.Literal.INSTANCE)) {
      topics.add((String) handlerType.getMethod("topic").invoke(handle.get()));
    }
    return topics;
  }

  private List<Topic> operations(String action) throws IOException {
    List<Topic> topics = new ArrayList<>();
    for (JsonNode operation : operationNodes(action)) {
      Set<String> types = new TreeSet<>();
      operation.path("messages").forEach(m -> types.add(m.path("name").asText()));
      topics.add(new Topic(operation.path("channel").path("address").asText(), types));
    }
    return topics;
  }

  private List<JsonNode> operationNodes(String action) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode operation : served().path("operations")) {
      if (action.equals(operation.path("action").asText())) {
        found.add(operation);
      }
    }
    return found;
  }

  private static JsonNode served() throws IOException {
    return JSON.readTree(given().get("/asyncapi").then().statusCode(200).extract().asString());
  }

  /** The checked-in document bundled now, by the same tool the build uses. */
  private static JsonNode bundleOfTheCheckedInDocument() throws IOException, InterruptedException {
    Path out = Files.createTempFile("asyncapi-bundle", ".json");
    Path log = Files.createTempFile("asyncapi-bundle", ".log");
    try {
      Process process =
          new ProcessBuilder(
                  RepoPaths.root().resolve("tools/node/validate-asyncapi").toString(),
                  DOCUMENT.toAbsolutePath().toString(),
                  "--bundle",
                  out.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroy();
        fail("tools/node/validate-asyncapi failed:\n" + Files.readString(log));
      }
      return JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(log);
    }
  }
}
