package jp.riss.activelist.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import jp.riss.activelist.changes.ChangeEntry;
import jp.riss.activelist.changes.ChangeLog;
import jp.riss.platform.feed.FeedPosition;
import jp.riss.platform.web.Cursors;

/**
 * The dispatcher's state, all in the database so a restart loses nothing: which feed entries each
 * subscription still has to get (as deliveries), which deliveries are due, and each attempt's
 * outcome. Row locks with SKIP LOCKED let several instances share the work without doubling it.
 */
@ApplicationScoped
public class DeliveryLedger {

  @Inject Clock clock;

  /**
   * One attempt to make: the signing secrets as stored (sealed), opened only to sign — the current
   * one, and the one a rotation replaced while its overlap runs (else null).
   */
  public record Job(
      UUID deliveryId,
      UUID subscriptionId,
      String url,
      String sealedSecret,
      String sealedPreviousSecret,
      String body) {}

  @Inject EntityManager em;
  @Inject ChangeLog changes;
  @Inject ObjectMapper json;
  @Inject WebhookConfig config;

  /**
   * Turns new feed entries into deliveries: one batch per subscription that has none pending, so
   * each endpoint gets its batches in feed order.
   *
   * @return how many deliveries were created
   */
  @Transactional
  public int plan() {
    long head = changes.head();
    @SuppressWarnings("unchecked")
    List<Object[]> behind =
        em.createNativeQuery(
                "SELECT CAST(s.id AS text), s.position FROM webhook_subscription s WHERE s.position < ?1"
                    + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery d"
                    + " WHERE d.subscription_id = s.id AND d.status = 'PENDING')"
                    + " ORDER BY s.position LIMIT 50 FOR UPDATE SKIP LOCKED")
            .setParameter(1, head)
            .getResultList();
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    for (Object[] row : behind) {
      UUID subscriptionId = UUID.fromString((String) row[0]);
      long position = ((Number) row[1]).longValue();
      List<ChangeEntry> entries = changes.after(position, config.batchSize());
      if (entries.isEmpty()) {
        continue;
      }
      long last = entries.get(entries.size() - 1).seq();
      WebhookDelivery delivery = new WebhookDelivery();
      delivery.id = UUID.randomUUID();
      delivery.subscriptionId = subscriptionId;
      delivery.fromSeq = entries.get(0).seq();
      delivery.toSeq = last;
      delivery.entryCount = entries.size();
      delivery.body =
          body(
              new DeliveryBody(
                  subscriptionId, entries, Cursors.encode(FeedPosition.incremental(last))));
      delivery.status = WebhookDelivery.Status.PENDING;
      delivery.nextAttemptAt = now;
      delivery.createdAt = now;
      delivery.giveUpAt = now.plus(config.giveUpAfter());
      delivery.persist();
      em.createNativeQuery("UPDATE webhook_subscription SET position = ?1 WHERE id = ?2")
          .setParameter(1, last)
          .setParameter(2, subscriptionId)
          .executeUpdate();
    }
    return behind.size();
  }

  /**
   * Claims up to {@code max} due deliveries for an attempt each. The claim is a lease: their next
   * attempt moves past the longest an attempt can take, so if this process dies mid-attempt they
   * fall due again instead of being lost. "Due" is read from the service's clock, the one that set
   * each next attempt, not the database's: the retry schedule then follows one time, and a moved
   * clock (tests, the local stack) moves it.
   */
  @Transactional
  public List<Job> claimDue(int max) {
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT CAST(d.id AS text), s.url, s.secret, d.body, CAST(s.id AS text),"
                    + " CASE WHEN s.previous_secret_expires_at > ?1"
                    + " THEN s.previous_secret END"
                    + " FROM webhook_delivery d"
                    + " JOIN webhook_subscription s ON s.id = d.subscription_id"
                    + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?1"
                    + " ORDER BY d.next_attempt_at LIMIT ?2 FOR UPDATE OF d SKIP LOCKED")
            .setParameter(1, now)
            .setParameter(2, max)
            .getResultList();
    List<Job> jobs = new ArrayList<>();
    OffsetDateTime leasedUntil =
        now.plus(config.connectTimeout())
            .plus(config.requestTimeout())
            .plus(Duration.ofSeconds(30));
    for (Object[] row : rows) {
      Job job =
          new Job(
              UUID.fromString((String) row[0]),
              UUID.fromString((String) row[4]),
              (String) row[1],
              (String) row[2],
              (String) row[5],
              (String) row[3]);
      em.createNativeQuery("UPDATE webhook_delivery SET next_attempt_at = ?1 WHERE id = ?2")
          .setParameter(1, leasedUntil)
          .setParameter(2, job.deliveryId())
          .executeUpdate();
      jobs.add(job);
    }
    return jobs;
  }

  /**
   * Logs an attempt and decides what follows: done on a 2xx, else a retry after the backoff, or
   * failed when that retry would fall after the delivery's retry window.
   */
  @Transactional
  public void record(UUID deliveryId, OffsetDateTime at, WebhookSender.Outcome outcome) {
    WebhookDelivery delivery = WebhookDelivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
    if (delivery == null || delivery.status != WebhookDelivery.Status.PENDING) {
      return; // its subscription was deleted meanwhile
    }
    WebhookAttempt attempt = new WebhookAttempt();
    attempt.deliveryId = deliveryId;
    attempt.attemptedAt = at;
    attempt.statusCode = outcome.statusCode();
    attempt.durationMs = (int) Math.min(Integer.MAX_VALUE, outcome.durationMs());
    attempt.error = outcome.error();
    attempt.persist();
    delivery.attempts++;
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    if (outcome.accepted()) {
      delivery.status = WebhookDelivery.Status.SUCCEEDED;
      delivery.completedAt = now;
      delivery.nextAttemptAt = null;
      return;
    }
    OffsetDateTime next =
        now.plus(
            new Backoff(config.backoffBase(), config.backoffCap())
                .after(delivery.attempts, ThreadLocalRandom.current().nextDouble()));
    if (next.isAfter(delivery.giveUpAt)) {
      delivery.status = WebhookDelivery.Status.FAILED;
      delivery.completedAt = now;
      delivery.nextAttemptAt = null;
    } else {
      delivery.nextAttemptAt = next;
    }
  }

  /** What a delivery POSTs, exactly as every attempt sends and signs it. */
  String body(DeliveryBody body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a delivery", e);
    }
  }
}
