package jp.riss.platform.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.outbox.PendingEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The service's one Kafka producer: idempotent, acks=all, so a retried send never duplicates or
 * reorders within a partition. Created on first use, so a service starts while Kafka is down.
 */
@ApplicationScoped
public class EventPublisher {

  /** Which rows the broker acknowledged and which it did not (with the first error). */
  public record Outcome(List<Long> sent, List<Long> failed, String error) {
    public static final Outcome NONE = new Outcome(List.of(), List.of(), null);
  }

  @Inject KafkaSettings settings;

  private volatile Producer<String, String> producer;

  public Outcome publish(List<PendingEvent> events) {
    Producer<String, String> kafka = producer();
    List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
    List<Long> sent = new ArrayList<>();
    List<Long> failed = new ArrayList<>();
    String error = null;
    for (PendingEvent event : events) {
      try {
        acks.add(kafka.send(record(event.topic(), event.key(), event.envelope())));
      } catch (RuntimeException e) {
        // metadata not available in time: the broker is unreachable; send nothing further
        acks.add(null);
        error = error == null ? describe(e) : error;
        break;
      }
    }
    long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
    for (int i = 0; i < events.size(); i++) {
      Future<RecordMetadata> ack = i < acks.size() ? acks.get(i) : null;
      if (ack != null && awaitAck(ack, deadline)) {
        sent.add(events.get(i).id());
      } else {
        failed.add(events.get(i).id());
        if (error == null && ack != null) {
          error = failureOf(ack);
        }
      }
    }
    return new Outcome(
        sent, failed, error == null && !failed.isEmpty() ? "not acknowledged" : error);
  }

  /** Sends one record and waits for its acknowledgement (used for dead letters). */
  public void sendAndWait(ProducerRecord<String, String> record) throws Exception {
    producer().send(record).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  public static ProducerRecord<String, String> record(String topic, String key, String envelope) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, envelope);
    record
        .headers()
        .add(
            new RecordHeader(
                "content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
    return record;
  }

  private static boolean awaitAck(Future<RecordMetadata> ack, long deadlineNanos) {
    try {
      ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  private static String failureOf(Future<RecordMetadata> ack) {
    try {
      ack.get(0, TimeUnit.MILLISECONDS);
      return "not acknowledged";
    } catch (ExecutionException e) {
      return describe(e.getCause());
    } catch (Exception e) {
      return "not acknowledged in time";
    }
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private Producer<String, String> producer() {
    Producer<String, String> current = producer;
    if (current == null) {
      synchronized (this) {
        current = producer;
        if (current == null) {
          current = new KafkaProducer<>(producerConfig());
          producer = current;
        }
      }
    }
    return current;
  }

  private Map<String, Object> producerConfig() {
    long timeout = settings.sendTimeout().toMillis();
    return Map.ofEntries(
        Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()),
        Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
        Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
        Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
        Map.entry(ProducerConfig.LINGER_MS_CONFIG, 2),
        Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeout, 5_000L)),
        Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, 5_000L)),
        Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout, 5_002L)),
        Map.entry(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000),
        Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()),
        Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
  }

  @PreDestroy
  void close() {
    if (producer != null) {
      producer.close(java.time.Duration.ofSeconds(5));
    }
  }
}
