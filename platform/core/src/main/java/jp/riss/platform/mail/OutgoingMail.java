package jp.riss.platform.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A message to a person, queued with the change that asked for it. */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false, columnDefinition = "text")
  public String recipient;

  @Column(nullable = false, columnDefinition = "text")
  public String subject;

  @Column(nullable = false, columnDefinition = "text")
  public String body;

  @Column(name = "queued_at", nullable = false)
  public OffsetDateTime queuedAt;

  @Column(name = "sent_at")
  public OffsetDateTime sentAt;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "last_error", columnDefinition = "text")
  public String lastError;

  /** A failed message is not tried again before this (null: as soon as possible). */
  @Column(name = "next_attempt_at")
  public OffsetDateTime nextAttemptAt;
}
