package jp.riss.activelist.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.riss.activelist.changes.ChangeFeed;
import org.jboss.logging.Logger;

/**
 * Pushes the change feed to webhooks in the background: every poll interval, or at once when a
 * change commits, it plans deliveries for subscriptions behind the feed and hands due ones to a
 * bounded pool of senders. A slow endpoint holds one sender up to the request timeout and, having
 * one delivery pending at a time, never more than one; the others keep flowing.
 */
@ApplicationScoped
public class WebhookDispatcher {

  @Inject Clock clock;

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

  @Inject WebhookConfig config;
  @Inject DeliveryLedger ledger;
  @Inject WebhookSender sender;
  @Inject WebhookFailures failures;

  private final Semaphore wakeUps = new Semaphore(0);
  private Semaphore senders;
  private ExecutorService pool;
  private volatile boolean running;
  private Thread worker;

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    senders = new Semaphore(config.concurrency());
    AtomicInteger n = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            config.concurrency(),
            r -> {
              Thread thread = new Thread(r, "webhook-sender-" + n.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    running = true;
    worker = new Thread(this::loop, "webhook-dispatcher");
    worker.setDaemon(true);
    worker.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    wakeUp();
    if (pool != null) {
      pool.shutdownNow();
    }
    if (worker != null) {
      try {
        worker.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  void changesCommitted(@Observes ChangeFeed.ChangesCommitted event) {
    wakeUp();
  }

  public void wakeUp() {
    wakeUps.release();
  }

  private void loop() {
    while (running) {
      try {
        ledger.plan();
        dispatchDue();
        wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        wakeUps.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warnf(
            "webhook dispatcher: %s; trying again in %s", e.getMessage(), config.pollInterval());
        try {
          wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void dispatchDue() {
    int free = senders.availablePermits();
    if (free == 0) {
      return;
    }
    List<DeliveryLedger.Job> jobs = ledger.claimDue(free);
    for (DeliveryLedger.Job job : jobs) {
      senders.acquireUninterruptibly();
      pool.execute(
          () -> {
            try {
              OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
              WebhookSender.Outcome outcome = sender.send(job);
              failures.count(outcome);
              ledger.record(job.deliveryId(), at, outcome);
            } catch (RuntimeException e) {
              // The lease makes the delivery due again; nothing is lost.
              LOG.warnf("webhook delivery %s: %s", job.deliveryId(), e.getMessage());
            } finally {
              senders.release();
              wakeUp();
            }
          });
    }
  }
}
