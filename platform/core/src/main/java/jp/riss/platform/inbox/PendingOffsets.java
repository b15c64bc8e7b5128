package jp.riss.platform.inbox;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The positions an inbox consumer has handled but not yet committed. Only handled records count (a
 * record left when the consumer stopped is not), so a commit never skips one. Busy consumers commit
 * asynchronously at most once per interval, and synchronously when partitions are revoked or the
 * consumer stops; a commit lost on the way only means records fetched again and found handled in
 * the inbox. Used on the consumer's own thread only (commit callbacks run there too).
 */
final class PendingOffsets {

  private static final Logger LOG = Logger.getLogger(PendingOffsets.class);

  private final KafkaConsumer<?, ?> consumer;
  private final long intervalNanos;
  private final String topic;
  private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
  private long committedAt = System.nanoTime();

  PendingOffsets(KafkaConsumer<?, ?> consumer, Duration interval, String topic) {
    this.consumer = consumer;
    this.intervalNanos = interval.toNanos();
    this.topic = topic;
  }

  void handled(ConsumerRecord<?, ?> record) {
    pending.put(
        new TopicPartition(record.topic(), record.partition()),
        new OffsetAndMetadata(record.offset() + 1));
  }

  /** Commits asynchronously when something is pending and the interval has passed. */
  void commitIfDue() {
    if (pending.isEmpty() || System.nanoTime() - committedAt < intervalNanos) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> sending = Map.copyOf(pending);
    pending.clear();
    committedAt = System.nanoTime();
    consumer.commitAsync(
        sending,
        (committed, error) -> {
          if (error != null) {
            LOG.debugf("commit of %s failed (%s); retried with the next", topic, error.toString());
            // Unless a later position is pending already, commit this one again next time.
            sending.forEach(pending::putIfAbsent);
          }
        });
  }

  /** Commits what is pending now and waits for it (partitions revoked, consumer stopping). */
  void commitNow() {
    if (pending.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> sending = Map.copyOf(pending);
    for (int attempt = 1; attempt <= 2; attempt++) {
      try {
        consumer.commitSync(sending, Duration.ofSeconds(5));
        pending.clear();
        committedAt = System.nanoTime();
        return;
      } catch (WakeupException e) {
        // stop() woke the consumer outside a poll: the wake-up is used up, so try once more
      } catch (KafkaException e) {
        LOG.warnf("commit of %s failed (%s); its records come again", topic, e.toString());
        return;
      }
    }
  }

  /** Partitions this consumer lost to another member: their positions are no longer its own. */
  void forget(Collection<TopicPartition> partitions) {
    pending.keySet().removeAll(partitions);
  }
}
