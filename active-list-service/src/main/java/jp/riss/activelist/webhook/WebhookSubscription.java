package jp.riss.activelist.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A support body's endpoint that gets the change feed pushed to it. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "owner_subject", nullable = false, columnDefinition = "text")
  public String ownerSubject;

  @Column(nullable = false, columnDefinition = "text")
  public String url;

  @Column(columnDefinition = "text")
  public String description;

  @Column(nullable = false, columnDefinition = "text")
  public String secret;

  /** The last feed seq already put into a delivery. */
  @Column(nullable = false)
  public long position;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "secret_rotated_at", nullable = false)
  public OffsetDateTime secretRotatedAt;

  /** The secret a rotation replaced (sealed), still signing too until the overlap ends. */
  @Column(name = "previous_secret", columnDefinition = "text")
  public String previousSecret;

  @Column(name = "previous_secret_expires_at")
  public OffsetDateTime previousSecretExpiresAt;

  /** Whether the replaced secret still signs at {@code now}. */
  public boolean inOverlap(OffsetDateTime now) {
    return previousSecret != null && previousSecretExpiresAt.isAfter(now);
  }
}
