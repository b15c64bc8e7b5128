package jp.riss.activelist.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.riss.activelist.changes.ChangeLog;
import jp.riss.platform.feed.FeedPosition;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Cursors;
import jp.riss.platform.web.Keyset;

/** Support bodies' webhook subscriptions and their deliveries, each visible to its owner only. */
@ApplicationScoped
public class Webhooks {

  @Inject Clock clock;

  @Inject WebhookTargets targets;
  @Inject WebhookConfig config;
  @Inject WebhookSecrets secrets;
  @Inject ChangeLog changes;
  @Inject DeliveryLedger ledger;

  /** The stored subscription and its secret, which the caller sees this once. */
  public record Registered(WebhookSubscription subscription, String secret) {}

  @Transactional
  public Registered register(String owner, NewWebhook request) {
    try {
      targets.check(targets.parse(request.url()));
    } catch (WebhookTargets.Refused refused) {
      throw invalid("url", refused.getMessage());
    }
    long head = changes.head();
    long position = head;
    if (request.cursor() != null) {
      FeedPosition from = FeedPosition.decode(request.cursor());
      if (from.inSnapshot() || from.after() > head) {
        throw invalid("cursor", "must be a change-feed cursor from after the snapshot");
      }
      position = from.after();
    }
    if (WebhookSubscription.count("ownerSubject", owner) >= config.maxSubscriptionsPerOwner()) {
      throw ProblemException.conflict(
          "webhook-limit",
          "Too many webhooks",
          "At most " + config.maxSubscriptionsPerOwner() + " webhooks per account; delete one.");
    }
    OffsetDateTime now = now();
    WebhookSubscription subscription = new WebhookSubscription();
    subscription.id = UUID.randomUUID();
    subscription.ownerSubject = owner;
    subscription.url = request.url();
    subscription.description = request.description();
    String secret = WebhookSignature.newSecret();
    subscription.secret = secrets.seal(subscription.id, secret);
    subscription.position = position;
    subscription.createdAt = now;
    subscription.secretRotatedAt = now;
    subscription.persist();
    return new Registered(subscription, secret);
  }

  /** The owner's subscriptions after {@code after} (created time and id), oldest first. */
  public List<WebhookSubscription> list(String owner, Keyset after, int limit) {
    StringBuilder query = new StringBuilder("ownerSubject = :owner");
    Map<String, Object> params = new HashMap<>(Map.of("owner", owner));
    Keyset.Order.OLDEST_FIRST.appendTo(query, params, after, "createdAt", "id");
    return WebhookSubscription.<WebhookSubscription>find(query.toString(), params)
        .page(0, limit)
        .list();
  }

  /** The caller's subscription, or a 404 — also for other owners', so ids cannot be probed. */
  public WebhookSubscription require(String owner, UUID id) {
    return require(owner, id, LockModeType.NONE);
  }

  private static WebhookSubscription require(String owner, UUID id, LockModeType lock) {
    WebhookSubscription subscription = WebhookSubscription.findById(id, lock);
    if (subscription == null || !subscription.ownerSubject.equals(owner)) {
      throw ProblemException.notFound("webhook " + id);
    }
    return subscription;
  }

  @Transactional
  public void delete(String owner, UUID id) {
    require(owner, id).delete();
  }

  /**
   * Replaces the secret. The replaced one keeps signing beside the new one for the configured
   * overlap, so deliveries already queued or being retried still verify while the receiver
   * switches; a second rotation within the overlap retires the oldest secret at once.
   */
  @Transactional
  public Registered rotateSecret(String owner, UUID id) {
    WebhookSubscription subscription = require(owner, id, LockModeType.PESSIMISTIC_WRITE);
    OffsetDateTime now = now();
    String secret = WebhookSignature.newSecret();
    if (!config.secretOverlap().isNegative() && !config.secretOverlap().isZero()) {
      // Sealed for this subscription's id already: moved as it is.
      subscription.previousSecret = subscription.secret;
      subscription.previousSecretExpiresAt = now.plus(config.secretOverlap());
    }
    subscription.secret = secrets.seal(subscription.id, secret);
    subscription.secretRotatedAt = now;
    return new Registered(subscription, secret);
  }

  /** Ends a rotation's overlap now: from the next attempt on, only the new secret signs. */
  @Transactional
  public WebhookSubscription endSecretOverlap(String owner, UUID id) {
    WebhookSubscription subscription = require(owner, id, LockModeType.PESSIMISTIC_WRITE);
    subscription.previousSecret = null;
    subscription.previousSecretExpiresAt = null;
    return subscription;
  }

  /**
   * A synthetic delivery with no feed entries, for the owner to test their endpoint and signature
   * check: same ledger, signing, retries and log as any delivery. It does not move the feed.
   */
  @Transactional
  public DeliveryView ping(String owner, UUID id) {
    WebhookSubscription subscription = require(owner, id);
    OffsetDateTime now = now();
    WebhookDelivery delivery = new WebhookDelivery();
    delivery.id = UUID.randomUUID();
    delivery.kind = WebhookDelivery.Kind.PING;
    delivery.subscriptionId = subscription.id;
    delivery.fromSeq = subscription.position;
    delivery.toSeq = subscription.position;
    delivery.entryCount = 0;
    delivery.body =
        ledger.body(
            new DeliveryBody(
                subscription.id,
                List.of(),
                Cursors.encode(FeedPosition.incremental(subscription.position))));
    delivery.status = WebhookDelivery.Status.PENDING;
    delivery.nextAttemptAt = now;
    delivery.createdAt = now;
    delivery.giveUpAt = now.plus(config.giveUpAfter());
    delivery.persist();
    return DeliveryView.of(delivery, List.of());
  }

  /**
   * The subscription's deliveries (batches and pings alike) created before {@code before} (time and
   * id), newest first, with attempts.
   */
  @Transactional
  public List<DeliveryView> deliveries(String owner, UUID id, Keyset before, int limit) {
    require(owner, id);
    StringBuilder query = new StringBuilder("subscriptionId = :subscription");
    Map<String, Object> params = new HashMap<>(Map.of("subscription", id));
    Keyset.Order.NEWEST_FIRST.appendTo(query, params, before, "createdAt", "id");
    List<WebhookDelivery> page =
        WebhookDelivery.<WebhookDelivery>find(query.toString(), params).page(0, limit).list();
    Map<UUID, List<WebhookAttempt>> attempts =
        page.isEmpty()
            ? Map.of()
            : WebhookAttempt.<WebhookAttempt>list(
                    "deliveryId in ?1 order by id", page.stream().map(d -> d.id).toList())
                .stream()
                .collect(Collectors.groupingBy(a -> a.deliveryId));
    return page.stream()
        .map(d -> DeliveryView.of(d, attempts.getOrDefault(d.id, List.of())))
        .toList();
  }

  /** Sends a finished delivery again, with a fresh retry window; one still being tried is a 409. */
  @Transactional
  public DeliveryView redeliver(String owner, UUID id, UUID deliveryId) {
    require(owner, id);
    WebhookDelivery delivery = WebhookDelivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
    if (delivery == null || !delivery.subscriptionId.equals(id)) {
      throw ProblemException.notFound("delivery " + deliveryId);
    }
    if (delivery.status == WebhookDelivery.Status.PENDING) {
      throw ProblemException.conflict(
          "delivery-pending",
          "Delivery in progress",
          "This delivery is still being tried; it can be redelivered once it succeeded or failed.");
    }
    OffsetDateTime now = now();
    delivery.status = WebhookDelivery.Status.PENDING;
    delivery.nextAttemptAt = now;
    delivery.giveUpAt = now.plus(config.giveUpAfter());
    delivery.completedAt = null;
    return DeliveryView.of(
        delivery, WebhookAttempt.<WebhookAttempt>list("deliveryId = ?1 order by id", delivery.id));
  }

  private static ProblemException invalid(String field, String message) {
    return new ProblemException(
        Problems.validation(List.of(new Problem.Violation(field, message))));
  }

  /** Microseconds, as PostgreSQL stores them, so list cursors compare equal to stored times. */
  OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
