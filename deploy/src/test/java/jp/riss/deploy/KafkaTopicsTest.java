package jp.riss.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s declares exactly the Kafka topics the services use — every channel of the services'
 * AsyncAPI documents, each consumed topic's dead-letter topic included — with the partitions the
 * documents' Kafka bindings state, and the durability the platform relies on. Topic auto-creation
 * is off in the cluster, so a topic missing here would stop its producer.
 */
class KafkaTopicsTest {

  /** Topic -> partitions, from every service's AsyncAPI document. */
  private static final Map<String, Integer> documented = new TreeMap<>();

  /** Topics some service consumes (a receive operation). */
  private static final Set<String> consumed = new TreeSet<>();

  /** KafkaTopic objects of deploy/k8s, by topic name. */
  private static final Map<String, JsonNode> declared = new TreeMap<>();

  private static JsonNode kafka;

  @BeforeAll
  static void load() {
    Path repo = App.repoRoot();
    for (App app : App.services()) {
      Path document = repo.resolve(app.module).resolve("src/main/asyncapi/asyncapi.yaml");
      assertTrue(Files.isRegularFile(document), document + " exists");
      JsonNode asyncapi = Kustomization.documents(document).get(0);
      asyncapi
          .path("channels")
          .forEach(
              channel -> {
                String topic = channel.path("address").asText();
                int partitions = channel.path("bindings").path("kafka").path("partitions").asInt();
                Integer before = documented.put(topic, partitions);
                assertTrue(
                    before == null || before == partitions,
                    topic + ": the documents disagree on its partitions");
              });
      asyncapi
          .path("operations")
          .forEach(
              operation -> {
                if ("receive".equals(operation.path("action").asText())) {
                  String ref = operation.path("channel").path("$ref").asText();
                  String channel = ref.substring(ref.lastIndexOf('/') + 1);
                  consumed.add(asyncapi.path("channels").path(channel).path("address").asText());
                }
              });
    }
    for (JsonNode object : Kustomization.render(repo.resolve("deploy/k8s"))) {
      String kind = object.path("kind").asText();
      if (kind.equals("KafkaTopic")) {
        String name = object.path("spec").path("topicName").asText(null);
        declared.put(name != null ? name : object.path("metadata").path("name").asText(), object);
      } else if (kind.equals("Kafka")) {
        kafka = object;
      }
    }
  }

  @Test
  void theKafkaTopicsAreExactlyTheTopicsOfTheAsyncApiDocuments() {
    assertFalse(documented.isEmpty(), "the AsyncAPI documents name topics");
    assertEquals(documented.keySet(), declared.keySet());
  }

  @Test
  void everyConsumedTopicHasItsDeadLetterTopic() {
    assertFalse(consumed.isEmpty(), "the services consume topics");
    for (String topic : consumed) {
      assertTrue(declared.containsKey(topic + ".dlt"), topic + ".dlt is declared");
    }
  }

  @Test
  void partitionsAreThoseTheDocumentsState() {
    documented.forEach(
        (topic, partitions) -> {
          assertTrue(partitions > 0, topic + ": the document states its partitions");
          assertEquals(
              partitions.intValue(),
              declared.get(topic).path("spec").path("partitions").asInt(),
              topic + " partitions");
        });
  }

  @Test
  void everyTopicIsReplicatedThreeTimesWithTwoInSyncAndAStatedRetention() {
    declared.forEach(
        (topic, object) -> {
          JsonNode spec = object.path("spec");
          assertEquals(3, spec.path("replicas").asInt(), topic + " replicas");
          assertEquals(
              "2", spec.path("config").path("min.insync.replicas").asText(), topic + " min ISR");
          String retention = spec.path("config").path("retention.ms").asText();
          assertFalse(retention.isEmpty(), topic + " states its retention");
          if (topic.endsWith(".dlt")) {
            assertTrue(Long.parseLong(retention) > 0, topic + ": dead letters expire");
          }
          assertEquals(
              "riss-kafka",
              object.path("metadata").path("labels").path("strimzi.io/cluster").asText(),
              topic + " belongs to the cluster");
        });
  }

  @Test
  void theClusterCreatesNoTopicOnItsOwnAndKeepsTwoInSync() {
    JsonNode config = kafka.path("spec").path("kafka").path("config");
    assertEquals("false", config.path("auto.create.topics.enable").asText());
    assertEquals("3", config.path("default.replication.factor").asText());
    assertEquals("2", config.path("min.insync.replicas").asText());
    assertEquals("3", config.path("offsets.topic.replication.factor").asText());
  }
}
