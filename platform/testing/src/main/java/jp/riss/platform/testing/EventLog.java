package jp.riss.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads what really reached a Kafka topic, from its beginning, for assertions. */
public final class EventLog implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaConsumer<String, String> consumer;
  private final String topic;
  private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
  private boolean assigned;

  public EventLog(String bootstrapServers, String topic) {
    this.topic = topic;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()));
  }

  /** Waits until an event satisfying {@code match} is on the topic and returns its JSON. */
  public JsonNode awaitEvent(Predicate<JsonNode> match, Duration timeout) {
    List<JsonNode> found = new ArrayList<>();
    Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              poll();
              events().stream().filter(match).findFirst().ifPresent(found::add);
              return !found.isEmpty();
            });
    return found.get(0);
  }

  public List<JsonNode> events() {
    return records.stream().map(r -> parse(r.value())).collect(Collectors.toList());
  }

  public List<ConsumerRecord<String, String>> records() {
    poll();
    return List.copyOf(records);
  }

  private void poll() {
    if (!assigned) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
      if (partitions == null || partitions.isEmpty()) {
        return;
      }
      List<TopicPartition> assignment =
          partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(assignment);
      consumer.seekToBeginning(assignment);
      assigned = true;
    }
    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
  }

  private static JsonNode parse(String value) {
    try {
      return JSON.readTree(value);
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(value);
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
