package jp.riss.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import jp.riss.platform.kafka.EventPublisher;
import jp.riss.platform.logging.LogSafe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/** Parks events that cannot be handled on {@code <topic>.dlt}, with the reason in headers. */
@ApplicationScoped
public class DeadLetters {

  private static final Logger LOG = Logger.getLogger(DeadLetters.class);
  public static final String SUFFIX = ".dlt";
  public static final String REASON_HEADER = "riss-dlt-reason";
  public static final String CONSUMER_HEADER = "riss-dlt-consumer";
  public static final String SOURCE_HEADER = "riss-dlt-source";

  @Inject EventPublisher publisher;
  @Inject MeterRegistry meters;

  public void park(String consumer, ConsumerRecord<String, String> record, String reason)
      throws Exception {
    ProducerRecord<String, String> letter =
        new ProducerRecord<>(record.topic() + SUFFIX, record.key(), record.value());
    record.headers().forEach(h -> letter.headers().add(h));
    header(letter, REASON_HEADER, reason);
    header(letter, CONSUMER_HEADER, consumer);
    header(
        letter, SOURCE_HEADER, record.topic() + "/" + record.partition() + "@" + record.offset());
    publisher.sendAndWait(letter);
    // riss_dlt_records_total{topic,consumer}: what operators alert on (the DLT only ever grows).
    Counter.builder("riss.dlt.records")
        .description("Events parked on a dead-letter topic")
        .tag("topic", record.topic())
        .tag("consumer", consumer)
        .register(meters)
        .increment();
    LOG.warnf(
        "dead-lettered %s/%d@%d for %s: %s",
        record.topic(), record.partition(), record.offset(), consumer, LogSafe.text(reason));
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
  }
}
