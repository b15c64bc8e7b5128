package jp.riss.deemedattendance.attestation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A message a mailer would have sent; stored only when the dev mailbox is enabled. */
@Entity
@Table(name = "dev_mail")
public class DevMail {

  @Id public UUID id;

  @Column(nullable = false, columnDefinition = "text")
  public String recipient;

  @Column(nullable = false, columnDefinition = "text")
  public String subject;

  @Column(nullable = false, columnDefinition = "text")
  public String body;

  @Column(name = "sent_at", nullable = false)
  public OffsetDateTime sentAt;
}
