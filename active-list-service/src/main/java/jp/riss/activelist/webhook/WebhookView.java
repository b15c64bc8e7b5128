package jp.riss.activelist.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.riss.platform.feed.FeedPosition;
import jp.riss.platform.web.Cursors;

/**
 * A subscription as its owner sees it. {@code secret} is present only in the answer that created it
 * or rotated it — it is never shown again. {@code previousSecretExpiresAt}: until when the secret a
 * rotation replaced still signs deliveries too (null when no overlap is running).
 */
public record WebhookView(
    UUID id,
    String url,
    String description,
    OffsetDateTime createdAt,
    OffsetDateTime secretRotatedAt,
    OffsetDateTime previousSecretExpiresAt,
    String cursor,
    @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

  /** {@code now} decides whether the previous secret is still in its overlap. */
  static WebhookView of(WebhookSubscription s, OffsetDateTime now) {
    return withSecret(s, null, now);
  }

  static WebhookView withSecret(WebhookSubscription s, String secret, OffsetDateTime now) {
    return new WebhookView(
        s.id,
        s.url,
        s.description,
        s.createdAt,
        s.secretRotatedAt,
        s.inOverlap(now) ? s.previousSecretExpiresAt : null,
        Cursors.encode(FeedPosition.incremental(s.position)),
        secret);
  }
}
