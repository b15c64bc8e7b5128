package jp.riss.activelist.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A delivery with every attempt made: what the endpoint answered, how fast, or what failed. */
public record DeliveryView(
    UUID id,
    WebhookDelivery.Kind kind,
    WebhookDelivery.Status status,
    long fromSeq,
    long toSeq,
    int entryCount,
    int attempts,
    OffsetDateTime createdAt,
    OffsetDateTime nextAttemptAt,
    OffsetDateTime giveUpAt,
    OffsetDateTime completedAt,
    List<Attempt> attemptLog) {

  public record Attempt(OffsetDateTime at, Integer statusCode, int durationMs, String error) {

    static Attempt of(WebhookAttempt a) {
      return new Attempt(a.attemptedAt, a.statusCode, a.durationMs, a.error);
    }
  }

  static DeliveryView of(WebhookDelivery d, List<WebhookAttempt> attempts) {
    return new DeliveryView(
        d.id,
        d.kind,
        d.status,
        d.fromSeq,
        d.toSeq,
        d.entryCount,
        d.attempts,
        d.createdAt,
        d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null,
        d.giveUpAt,
        d.completedAt,
        attempts.stream().map(Attempt::of).toList());
  }
}
