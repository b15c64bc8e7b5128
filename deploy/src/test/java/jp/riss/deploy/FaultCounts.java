package jp.riss.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts one listing's events where each side keeps them: the Active List's outbox (what was
 * produced), the topic read from its beginning by a plain consumer without a group (what reached
 * Kafka, duplicates included), the guide's inbox (what was applied) and its read model (the last
 * edit shows).
 */
final class FaultCounts {

  static final String CONSUMER = "practical-guide-service";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String listingId;

  FaultCounts(String listingId) {
    this.listingId = listingId;
  }

  /** One row of the table. */
  record Row(
      String fault,
      int produced,
      int distinctInTopic,
      int totalInTopic,
      int applied,
      int lost,
      int duplicatedEffects,
      boolean readModelCurrent,
      Duration recovered) {}

  long lastOutboxId() {
    return Long.parseLong(psql("activelist", "SELECT coalesce(max(id), 0) FROM outbox").get(0));
  }

  int unsent() {
    return Integer.parseInt(
        psql(
                "activelist",
                "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND aggregate_id = '"
                    + listingId
                    + "'")
            .get(0));
  }

  /** The listing's event ids in the outbox after {@code id}, in order. */
  List<String> outboxIdsAfter(long id) {
    return psql(
        "activelist",
        "SELECT event_id FROM outbox WHERE topic = '"
            + EditedListing.TOPIC
            + "' AND aggregate_id = '"
            + listingId
            + "' AND id > "
            + id
            + " ORDER BY id");
  }

  /** Which of {@code eventIds} the guide's inbox has handled. */
  Set<String> applied(List<String> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        psql(
            "guide",
            "SELECT event_id FROM inbox WHERE consumer = '"
                + CONSUMER
                + "' AND event_id = ANY('{"
                + String.join(",", eventIds)
                + "}'::uuid[])"));
  }

  /** Counts everything for the events produced after {@code before}. */
  Row row(String fault, long before, Duration recovered) {
    List<String> produced = outboxIdsAfter(before);
    Map<String, Integer> inTopic = topicOccurrences(new HashSet<>(produced));
    List<String> inboxRows =
        psql(
            "guide",
            "SELECT count(*) FROM inbox WHERE consumer = '"
                + CONSUMER
                + "' AND event_id = ANY('{"
                + String.join(",", produced)
                + "}'::uuid[]) GROUP BY event_id");
    int applied = inboxRows.size();
    int duplicated = inboxRows.stream().mapToInt(n -> Integer.parseInt(n) - 1).sum();
    return new Row(
        fault,
        produced.size(),
        inTopic.size(),
        inTopic.values().stream().mapToInt(Integer::intValue).sum(),
        applied,
        produced.size() - applied,
        duplicated,
        readModelCurrent(),
        recovered);
  }

  /** The guide's card shows the name of the listing's last event in the outbox. */
  private boolean readModelCurrent() {
    try {
      List<String> last =
          psql(
              "activelist",
              "SELECT envelope FROM outbox WHERE topic = '"
                  + EditedListing.TOPIC
                  + "' AND aggregate_id = '"
                  + listingId
                  + "' ORDER BY id DESC LIMIT 1");
      String expected = JSON.readTree(last.get(0)).path("data").path("displayName").asText();
      List<String> shown =
          psql(
              "guide",
              "SELECT display_name FROM specialist_card WHERE listing_id = '" + listingId + "'");
      return shown.equals(List.of(expected));
    } catch (IOException e) {
      return false;
    }
  }

  /** How often each of {@code ids} occurs in the topic, read from its beginning. */
  private Map<String, Integer> topicOccurrences(Set<String> ids) {
    Map<String, Integer> seen = new HashMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:9092",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(EditedListing.TOPIC).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("could not read " + EditedListing.TOPIC + " to its end");
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (!listingId.equals(record.key())) {
            continue;
          }
          String id = eventId(record.value());
          if (ids.contains(id)) {
            seen.merge(id, 1, Integer::sum);
          }
        }
      }
    }
    return seen;
  }

  private static String eventId(String value) {
    try {
      JsonNode event = JSON.readTree(value);
      return event.path("id").asText();
    } catch (IOException e) {
      return "";
    }
  }

  /** The one table the suite prints. */
  static String table(List<Row> rows, String mode) {
    StringBuilder out = new StringBuilder();
    out.append("\nFault suite (")
        .append(mode)
        .append(" mode): one listing edited through the")
        .append(" gateway; active-list outbox → ")
        .append(EditedListing.TOPIC)
        .append(" → practical-guide inbox and read model\n");
    String format = "| %-52s | %8s | %15s | %7s | %4s | %12s | %10s | %12s |%n";
    out.append(
        String.format(
            format,
            "fault",
            "events",
            "in topic d/tot",
            "applied",
            "lost",
            "dup. effects",
            "read model",
            "recovered in"));
    out.append(
        String.format(
            format,
            "-".repeat(52),
            "-".repeat(8),
            "-".repeat(15),
            "-".repeat(7),
            "-".repeat(4),
            "-".repeat(12),
            "-".repeat(10),
            "-".repeat(12)));
    for (Row row : rows) {
      out.append(
          String.format(
              format,
              row.fault(),
              row.produced(),
              row.distinctInTopic() + " / " + row.totalInTopic(),
              row.applied(),
              row.lost(),
              row.duplicatedEffects(),
              row.readModelCurrent() ? "current" : "STALE",
              String.format("%.1f s", row.recovered().toMillis() / 1000.0)));
    }
    return out.toString();
  }

  /** Runs one statement with psql as the database's own role (local stack: role = password). */
  static List<String> psql(String database, String sql) {
    try {
      ProcessBuilder builder =
          new ProcessBuilder(
                  "psql",
                  "-h",
                  "127.0.0.1",
                  "-U",
                  database,
                  "-d",
                  database,
                  "-AtqX",
                  "-v",
                  "ON_ERROR_STOP=1",
                  "-c",
                  sql)
              .redirectErrorStream(true);
      builder.environment().put("PGPASSWORD", database);
      builder.environment().put("PGCONNECT_TIMEOUT", "5");
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("psql " + database + " failed: " + out + "\n" + sql);
      }
      return out.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
