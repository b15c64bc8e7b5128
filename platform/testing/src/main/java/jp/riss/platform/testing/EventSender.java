package jp.riss.platform.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes events to the test broker exactly as another service's outbox relay would, so a consumer
 * is tested against real Kafka records (including malformed ones).
 */
public final class EventSender implements AutoCloseable {

  /** The header the platform's relay sets on structured-mode CloudEvents. */
  private static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

  private final KafkaProducer<String, String> producer =
      new KafkaProducer<>(
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
              ProducerConfig.ACKS_CONFIG, "all",
              ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
              ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

  /**
   * Sends a record and waits for the broker's acknowledgement.
   *
   * @param envelope the CloudEvent in structured mode (e.g. {@code EventJson.write(event)}), or
   *     anything else to test how a consumer copes with it
   */
  public void send(String topic, String key, String envelope) {
    try {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, envelope);
      record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the test broker refused an event", e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
