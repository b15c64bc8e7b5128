package jp.riss.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.events.MalformedEventException;
import jp.riss.platform.kafka.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads back what {@link DeadLetters} parked for this service's consumers and replays it after a
 * fix. A replay hands the parked record, with its original event id, to the same handler through
 * the same inbox as the consumer loop ({@link InboxDelivery}), so replaying twice, or replaying an
 * event that has meanwhile come through, applies it once. The dead-letter topic itself is never
 * changed: it is the record of what was parked and why.
 */
@ApplicationScoped
public class DeadLetterReplay {

  private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
  private static final Duration READ_LIMIT = Duration.ofSeconds(20);

  @Inject Instance<InboxHandler> handlers;
  @Inject InboxDelivery delivery;
  @Inject KafkaSettings kafka;

  @ConfigProperty(name = "quarkus.application.name")
  String consumerName;

  /** The topics this service consumes (what {@code topic} may name). */
  public List<String> topics() {
    return handlers.stream().map(InboxHandler::topic).sorted().toList();
  }

  /** Every event parked by this service's consumers, oldest first per topic. */
  public List<ParkedEvent> parked() {
    List<ParkedEvent> all = new ArrayList<>();
    for (String topic : topics()) {
      read(topic).forEach(r -> all.add(r.view()));
    }
    return all;
  }

  /**
   * Replays the parked events of one topic (all of them, or only the one whose original record is
   * {@code source}, {@code <topic>/<partition>@<offset>}), in the order they were parked.
   */
  public List<ReplayOutcome> replay(String topic, Optional<String> source) {
    InboxHandler handler =
        handlers.stream()
            .filter(h -> h.topic().equals(topic))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("not consumed here: " + topic));
    List<ReplayOutcome> outcomes = new ArrayList<>();
    for (Letter letter : read(topic)) {
      ParkedEvent parked = letter.view();
      if (source.isPresent() && !source.get().equals(parked.source())) {
        continue;
      }
      outcomes.add(replay(letter, handler));
    }
    return outcomes;
  }

  private ReplayOutcome replay(Letter letter, InboxHandler handler) {
    ParkedEvent parked = letter.view();
    CloudEvent event;
    try {
      event = EventJson.read(letter.record().value() == null ? "" : letter.record().value());
    } catch (MalformedEventException e) {
      return new ReplayOutcome(parked.source(), null, ReplayOutcome.FAILED, e.getMessage());
    }
    try {
      boolean applied = delivery.deliver(consumerName, parked.topic(), event, handler);
      LOG.infof(
          "replayed dead letter %s (event %s): %s",
          parked.source(), event.id(), applied ? "applied" : "already applied");
      return new ReplayOutcome(
          parked.source(),
          event.id(),
          applied ? ReplayOutcome.APPLIED : ReplayOutcome.ALREADY_APPLIED,
          null);
    } catch (RuntimeException e) {
      LOG.warnf("replay of dead letter %s failed: %s", parked.source(), e);
      return new ReplayOutcome(parked.source(), event.id(), ReplayOutcome.FAILED, e.toString());
    }
  }

  /** A record of {@code <topic>.dlt} parked by this service, and how an operator sees it. */
  private record Letter(ConsumerRecord<String, String> record, ParkedEvent view) {}

  /** Reads the dead-letter topic of {@code topic} from its start to its current end. */
  private List<Letter> read(String topic) {
    String dlt = topic + DeadLetters.SUFFIX;
    Map<String, Object> settings = new HashMap<>();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    settings.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READ_LIMIT.toMillis());
    List<Letter> letters = new ArrayList<>();
    // No group: reading the dead letters never moves anyone's offsets.
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
      List<TopicPartition> partitions =
          Optional.ofNullable(consumer.listTopics(READ_LIMIT).get(dlt)).orElse(List.of()).stream()
              .map(p -> new TopicPartition(dlt, p.partition()))
              .toList();
      if (partitions.isEmpty()) {
        return letters;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_LIMIT);
      Instant deadline = Instant.now().plus(READ_LIMIT);
      while (!caughtUp(consumer, ends)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("could not read " + dlt + " to its end in " + READ_LIMIT);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (consumerName.equals(header(record, DeadLetters.CONSUMER_HEADER))) {
            letters.add(new Letter(record, view(topic, record)));
          }
        }
      }
    }
    return letters;
  }

  private static boolean caughtUp(
      KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static ParkedEvent view(String topic, ConsumerRecord<String, String> record) {
    String source = header(record, DeadLetters.SOURCE_HEADER);
    int partition = -1;
    long offset = -1;
    int at = source == null ? -1 : source.lastIndexOf('@');
    int slash = source == null ? -1 : source.lastIndexOf('/', at);
    if (at > 0 && slash > 0) {
      try {
        partition = Integer.parseInt(source.substring(slash + 1, at));
        offset = Long.parseLong(source.substring(at + 1));
      } catch (NumberFormatException e) {
        // keeps -1: a letter written by hand, still listed and replayable by topic
      }
    }
    String eventId = record.key();
    String eventType = null;
    try {
      CloudEvent event = EventJson.read(record.value() == null ? "" : record.value());
      eventId = event.id();
      eventType = event.type();
    } catch (MalformedEventException e) {
      // a malformed record is listed with its key; its reason says what is wrong
    }
    return new ParkedEvent(
        source,
        topic,
        partition,
        offset,
        record.topic() + "/" + record.partition() + "@" + record.offset(),
        eventId,
        eventType,
        header(record, DeadLetters.CONSUMER_HEADER),
        header(record, DeadLetters.REASON_HEADER),
        Instant.ofEpochMilli(record.timestamp()));
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
