package jp.riss.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.events.MalformedEventException;
import jp.riss.platform.kafka.KafkaSettings;
import jp.riss.platform.logging.LogSafe;
import jp.riss.platform.tracing.EventSpans;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs every {@link InboxHandler} bean of the service on a consumer thread of its own. Each thread
 * creates its own Kafka consumer, so start-up does not wait for them ({@link InboxReadiness} tells
 * whether they run), and delivers a poll's records in one transaction when it can.
 */
@ApplicationScoped
public class InboxConsumers {

  private static final Logger LOG = Logger.getLogger(InboxConsumers.class);

  /** How often an idle consumer refreshes its lag gauge (a poll with records always does). */
  private static final long IDLE_LAG_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

  private static final long STOP_WAIT_MILLIS = 5_000;

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

  private final List<Loop> loops = new CopyOnWriteArrayList<>();
  private volatile boolean started;

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    for (InboxHandler handler : handlers) {
      Loop loop = new Loop(handler);
      loop.thread = new Thread(loop, "inbox-" + handler.topic());
      loop.thread.setDaemon(true);
      loops.add(loop);
      loop.thread.start();
    }
    started = true;
  }

  void stop(@Observes ShutdownEvent event) {
    loops.forEach(Loop::stop);
    // Let each finish the event in hand and commit what it handled while the datasource and the
    // broker connection still exist (what it does not commit comes again and is found handled).
    for (Loop loop : loops) {
      try {
        loop.thread.join(STOP_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The topics whose consumer is not (yet, or no longer) consuming; empty when all are. */
  List<String> notConsuming() {
    if (!started) {
      return handlers.stream().map(InboxHandler::topic).toList();
    }
    return loops.stream()
        .filter(loop -> !loop.consuming)
        .map(loop -> loop.handler.topic())
        .toList();
  }

  private final class Loop implements Runnable {
    private final InboxHandler handler;
    private final String consumerName;
    private Thread thread;
    private KafkaConsumer<String, String> consumer;
    private PendingOffsets offsets;
    private volatile boolean running = true;

    /** True from the consumer's subscription until its thread ends. */
    private volatile boolean consuming;

    Loop(InboxHandler handler) {
      this.handler = handler;
      this.consumerName = applicationName;
    }

    void stop() {
      synchronized (this) {
        running = false;
        if (consumer != null) {
          consumer.wakeup();
        }
      }
    }

    /** Created on this thread: class loading and configuration take a while, not start-up's. */
    private boolean createConsumer() {
      int sessionMillis = (int) config.sessionTimeout().toMillis();
      Map<String, Object> settings = new HashMap<>();
      settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      settings.put(ConsumerConfig.GROUP_ID_CONFIG, applicationName);
      settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
      settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) config.fetchMaxWait().toMillis());
      settings.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
      settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionMillis);
      settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, sessionMillis / 3);
      settings.put(
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      settings.put(
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      KafkaConsumer<String, String> created = new KafkaConsumer<>(settings);
      synchronized (this) {
        if (!running) {
          created.close(Duration.ZERO);
          return false;
        }
        consumer = created;
        offsets = new PendingOffsets(consumer, config.commitInterval(), handler.topic());
        return true;
      }
    }

    @Override
    public void run() {
      try {
        if (!createConsumer()) {
          return;
        }
      } catch (RuntimeException e) {
        LOG.errorf(e, "inbox consumer for %s could not be created", handler.topic());
        return;
      }
      try {
        consumer.subscribe(List.of(handler.topic()), new CommitOnRevoke());
        consuming = true;
        long lagRecordedAt = System.nanoTime() - IDLE_LAG_EVERY_NANOS;
        while (running) {
          try {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
              deliver(records);
            }
            if (running) {
              offsets.commitIfDue();
            }
            // The lag moves only when records come or partitions move: an idle consumer need not
            // read it twice a second.
            if (!records.isEmpty() || System.nanoTime() - lagRecordedAt >= IDLE_LAG_EVERY_NANOS) {
              lag.record(consumerName, consumer);
              lagRecordedAt = System.nanoTime();
            }
          } catch (WakeupException e) {
            throw e;
          } catch (KafkaException e) {
            // The broker away or a rebalance under way: what is handled is in the inbox and comes
            // again at worst, so carry on.
            LOG.warnf("inbox consumer for %s: %s; carrying on", handler.topic(), e.toString());
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
          }
        }
      } catch (WakeupException e) {
        // stopping
      } catch (RuntimeException e) {
        LOG.errorf(e, "inbox consumer for %s stopped", handler.topic());
      } finally {
        consuming = false;
        offsets.commitNow();
        consumer.close(Duration.ofSeconds(5));
      }
    }

    /**
     * Delivers a poll's records in order; the position of each handled one (applied, found handled
     * before, or dead-lettered) becomes committable. Stops at the first it could not finish because
     * the consumer is stopping: that one and the rest come again.
     */
    private void deliver(ConsumerRecords<String, String> records) {
      List<Received> batch = new ArrayList<>();
      for (ConsumerRecord<String, String> record : records) {
        CloudEvent event;
        try {
          event = EventJson.read(record.value() == null ? "" : record.value());
        } catch (MalformedEventException e) {
          if (!deliver(batch) || !park(record, e.getMessage())) {
            return;
          }
          offsets.handled(record);
          continue;
        }
        batch.add(new Received(record, event));
      }
      deliver(batch);
    }

    /** Together in one transaction if they all succeed, else one by one; then clears the batch. */
    private boolean deliver(List<Received> batch) {
      if (batch.isEmpty()) {
        return true;
      }
      if (batch.size() > 1 && running && deliverTogether(batch)) {
        batch.forEach(received -> offsets.handled(received.record()));
        batch.clear();
        return true;
      }
      for (Received received : batch) {
        if (!handleAlone(received)) {
          return false;
        }
        offsets.handled(received.record());
      }
      batch.clear();
      return true;
    }

    private boolean deliverTogether(List<Received> batch) {
      try {
        delivery.deliverAll(
            consumerName,
            handler.topic(),
            batch.stream().map(Received::event).toList(),
            handler,
            (event, application) ->
                // In a span continuing the producer's trace (the event's traceparent), or a new
                // one.
                eventSpans.consuming(consumerName, handler.topic(), event, application));
        return true;
      } catch (RuntimeException e) {
        // Nothing of the batch was kept: each event is delivered again alone, so the failing one
        // is retried or dead-lettered without repeating or losing the others' effects.
        LOG.debugf(
            "%d events of %s not applied together (%s); one by one",
            batch.size(), handler.topic(), LogSafe.text(e));
        return false;
      }
    }

    /**
     * @return false when the consumer stopped before the event was handled
     */
    private boolean handleAlone(Received received) {
      boolean[] handled = {false};
      eventSpans.consuming(
          consumerName,
          received.record().topic(),
          received.event(),
          () -> handled[0] = handle(received.record(), received.event()));
      return handled[0];
    }

    private boolean handle(ConsumerRecord<String, String> record, CloudEvent event) {
      int attempt = 0;
      while (running) {
        try {
          delivery.deliver(consumerName, record.topic(), event, handler);
          return true;
        } catch (PoisonEventException e) {
          return park(record, e.getMessage());
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
            return park(record, "failed " + attempt + " times: " + e);
          }
          LOG.warnf("handling %s failed (attempt %d): %s", event.id(), attempt, LogSafe.text(e));
          LockSupport.parkNanos(config.retryBackoff().toNanos() * attempt);
        }
      }
      return false;
    }

    private boolean park(ConsumerRecord<String, String> record, String reason) {
      // Until the dead letter is stored we may not move past the record: keep trying.
      while (running) {
        try {
          deadLetters.park(consumerName, record, reason);
          return true;
        } catch (Exception e) {
          LOG.warnf("cannot dead-letter yet (%s), retrying", e.getMessage());
          LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
      }
      return false;
    }

    /** Commits what was handled of partitions before another member of the group takes them. */
    private final class CommitOnRevoke implements ConsumerRebalanceListener {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        offsets.commitNow();
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

      @Override
      public void onPartitionsLost(Collection<TopicPartition> partitions) {
        // Another member holds them already: a commit would fail; they are fetched again there.
        offsets.forget(partitions);
      }
    }
  }

  private record Received(ConsumerRecord<String, String> record, CloudEvent event) {}
}
