package jp.riss.activelist.webhook;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.riss.activelist.changes.ChangeLog;
import jp.riss.activelist.changes.ChangeResource;
import jp.riss.activelist.changes.FeedPosition;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;

/** Support bodies' webhook subscriptions and their deliveries, each visible to its owner only. */
@ApplicationScoped
public class Webhooks {

  @Inject WebhookTargets targets;
  @Inject WebhookConfig config;
  @Inject WebhookSecrets secrets;
  @Inject ChangeLog changes;

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
      FeedPosition from = ChangeResource.position(request.cursor());
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
  public List<WebhookSubscription> list(String owner, WebhookCursor after, int limit) {
    if (after == null) {
      return WebhookSubscription.find("ownerSubject = ?1 order by createdAt, id", owner)
          .page(0, limit)
          .list();
    }
    return WebhookSubscription.find(
            "ownerSubject = :owner and (createdAt > :at or (createdAt = :at and id > :id))"
                + " order by createdAt, id",
            Parameters.with("owner", owner)
                .and("at", OffsetDateTime.parse(after.createdAt()))
                .and("id", after.id()))
        .page(0, limit)
        .list();
  }

  /** The caller's subscription, or a 404 — also for other owners', so ids cannot be probed. */
  public WebhookSubscription require(String owner, UUID id) {
    WebhookSubscription subscription = WebhookSubscription.findById(id);
    if (subscription == null || !subscription.ownerSubject.equals(owner)) {
      throw ProblemException.notFound("webhook " + id);
    }
    return subscription;
  }

  @Transactional
  public void delete(String owner, UUID id) {
    require(owner, id).delete();
  }

  /** Replaces the secret at once; deliveries from now on are signed with the new one. */
  @Transactional
  public Registered rotateSecret(String owner, UUID id) {
    WebhookSubscription subscription = require(owner, id);
    String secret = WebhookSignature.newSecret();
    subscription.secret = secrets.seal(subscription.id, secret);
    subscription.secretRotatedAt = now();
    return new Registered(subscription, secret);
  }

  /** The subscription's deliveries before {@code beforeToSeq} (newest first), with attempts. */
  @Transactional
  public List<DeliveryView> deliveries(String owner, UUID id, Long beforeToSeq, int limit) {
    require(owner, id);
    List<WebhookDelivery> page =
        WebhookDelivery.find(
                "subscriptionId = ?1 and toSeq < ?2 order by toSeq desc",
                id,
                beforeToSeq == null ? Long.MAX_VALUE : beforeToSeq)
            .page(0, limit)
            .list();
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
  static OffsetDateTime now() {
    return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
  }
}
