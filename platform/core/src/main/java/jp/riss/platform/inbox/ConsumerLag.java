package jp.riss.platform.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code riss_consumer_lag_records{group,topic,partition}}: records on the broker that an inbox
 * consumer has not fetched yet (log end offset minus position), per assigned partition. Taken from
 * the consumer's own fetch state after each poll ({@link KafkaConsumer#currentLag}), so a scrape
 * costs no broker round trip. A partition the consumer no longer holds is dropped, so the series
 * stay bounded by the topics' partitions.
 */
@ApplicationScoped
public class ConsumerLag {

  private record Key(String group, TopicPartition partition) {}

  @Inject MeterRegistry meters;

  private final Map<Key, AtomicLong> lags = new ConcurrentHashMap<>();
  private final Map<Key, Gauge> gauges = new ConcurrentHashMap<>();

  /** Called on the consumer's own thread after a poll. */
  void record(String group, KafkaConsumer<?, ?> consumer) {
    Set<TopicPartition> assigned = consumer.assignment();
    for (TopicPartition partition : assigned) {
      OptionalLong lag = consumer.currentLag(partition);
      if (lag.isPresent()) {
        lagOf(new Key(group, partition)).set(lag.getAsLong());
      }
    }
    // Several consumers share a group (one per topic): each drops only its own topics' partitions.
    Set<String> topics = consumer.subscription();
    for (Key key : lags.keySet()) {
      if (key.group().equals(group)
          && topics.contains(key.partition().topic())
          && !assigned.contains(key.partition())) {
        lags.remove(key);
        Gauge gauge = gauges.remove(key);
        if (gauge != null) {
          meters.remove(gauge);
        }
      }
    }
  }

  private AtomicLong lagOf(Key key) {
    return lags.computeIfAbsent(
        key,
        k -> {
          AtomicLong lag = new AtomicLong();
          gauges.put(
              k,
              Gauge.builder("riss.consumer.lag.records", lag, AtomicLong::get)
                  .description("Records of the partition the inbox consumer has not fetched yet")
                  .tag("group", k.group())
                  .tag("topic", k.partition().topic())
                  .tag("partition", Integer.toString(k.partition().partition()))
                  .register(meters));
          return lag;
        });
  }
}
