package jp.riss.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.events.MalformedEventException;
import jp.riss.platform.kafka.KafkaSettings;
import jp.riss.platform.logging.LogSafe;
import jp.riss.platform.tracing.EventSpans;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Runs every {@link InboxHandler} bean of the service on a consumer thread of its own. */
@ApplicationScoped
public class InboxConsumers {

  private static final Logger LOG = Logger.getLogger(InboxConsumers.class);

  @Inject Instance<InboxHandler> handlers;
  @Inject InboxDelivery delivery;
  @Inject DatabaseProbe database;
  @Inject DeadLetters deadLetters;
  @Inject KafkaSettings kafka;
  @Inject InboxConsumerConfig config;
  @Inject ConsumerLag lag;
  @Inject EventSpans eventSpans;

  @ConfigProperty(name = "quarkus.application.name")
  String applicationName;

  private final List<Loop> loops = new ArrayList<>();

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    for (InboxHandler handler : handlers) {
      Loop loop = new Loop(handler);
      loops.add(loop);
      Thread thread = new Thread(loop, "inbox-" + handler.topic());
      thread.setDaemon(true);
      thread.start();
    }
  }

  void stop(@Observes ShutdownEvent event) {
    loops.forEach(Loop::stop);
  }

  private final class Loop implements Runnable {
    private final InboxHandler handler;
    private final String consumerName;
    private final KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;

    Loop(InboxHandler handler) {
      this.handler = handler;
      this.consumerName = applicationName;
      this.consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  kafka.bootstrapServers(),
                  ConsumerConfig.GROUP_ID_CONFIG,
                  applicationName,
                  ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                  false,
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                  "earliest",
                  ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                  100,
                  ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                  1_000,
                  ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                  StringDeserializer.class.getName(),
                  ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                  StringDeserializer.class.getName()));
    }

    void stop() {
      running = false;
      consumer.wakeup();
    }

    @Override
    public void run() {
      try {
        consumer.subscribe(List.of(handler.topic()));
        while (running) {
          try {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            for (ConsumerRecord<String, String> record : records) {
              process(record);
            }
            // Stopping may have left records of this batch unhandled: they must come again. An
            // empty poll moved no position, so it has nothing to commit (and idle consumers would
            // otherwise send the broker a commit every half second each).
            if (running && !records.isEmpty()) {
              consumer.commitSync();
            }
            lag.record(consumerName, consumer);
          } catch (WakeupException e) {
            throw e;
          } catch (KafkaException e) {
            // A commit that timed out while the broker was away, or failed after a rebalance:
            // the records are handled (the inbox has them) and come again at worst, so carry on.
            LOG.warnf("inbox consumer for %s: %s; carrying on", handler.topic(), e.toString());
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
          }
        }
      } catch (WakeupException e) {
        // stopping
      } catch (RuntimeException e) {
        LOG.errorf(e, "inbox consumer for %s stopped", handler.topic());
      } finally {
        consumer.close(Duration.ofSeconds(5));
      }
    }

    private void process(ConsumerRecord<String, String> record) {
      CloudEvent event;
      try {
        event = EventJson.read(record.value() == null ? "" : record.value());
      } catch (MalformedEventException e) {
        park(record, e.getMessage());
        return;
      }
      // In a span continuing the producer's trace (the event's traceparent), or a new one.
      eventSpans.consuming(consumerName, record.topic(), event, () -> handle(record, event));
    }

    private void handle(ConsumerRecord<String, String> record, CloudEvent event) {
      int attempt = 0;
      while (running) {
        try {
          delivery.deliver(consumerName, record.topic(), event, handler);
          return;
        } catch (PoisonEventException e) {
          park(record, e.getMessage());
          return;
        } catch (RuntimeException e) {
          if (!database.answers()) {
            // The database is away (restarting, cut off): not the event's fault, so the attempt
            // does not count; wait for it, as long as it takes, without moving past the record.
            LOG.warnf("handling %s waits for the database: %s", event.id(), LogSafe.text(e));
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            continue;
          }
          attempt++;
          if (attempt >= config.maxAttempts()) {
            park(record, "failed " + attempt + " times: " + e);
            return;
          }
          LOG.warnf("handling %s failed (attempt %d): %s", event.id(), attempt, LogSafe.text(e));
          LockSupport.parkNanos(config.retryBackoff().toNanos() * attempt);
        }
      }
    }

    private void park(ConsumerRecord<String, String> record, String reason) {
      // Until the dead letter is stored we may not move past the record: keep trying.
      while (running) {
        try {
          deadLetters.park(consumerName, record, reason);
          return;
        } catch (Exception e) {
          LOG.warnf("cannot dead-letter yet (%s), retrying", e.getMessage());
          LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
      }
    }
  }
}
