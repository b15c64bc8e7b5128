package jp.riss.deemedattendance.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The audit of one drawn application: the follow-up IPA asked for and the outcome. */
@Entity
@Table(name = "audit")
public class Audit {

  public static final String CONFIRMED = "CONFIRMED";
  public static final String FALSE_DECLARATION = "FALSE_DECLARATION";

  @Id public UUID id;

  @Column(name = "draw_id", nullable = false)
  public UUID drawId;

  @Column(name = "application_id", nullable = false)
  public UUID applicationId;

  @Column(nullable = false, columnDefinition = "text")
  public String stratum;

  @Column(name = "follow_up", columnDefinition = "text")
  public String followUp;

  @Column(name = "follow_up_at")
  public OffsetDateTime followUpAt;

  @Column(columnDefinition = "text")
  public String outcome;

  @Column(name = "outcome_comment", columnDefinition = "text")
  public String outcomeComment;

  @Column(name = "decided_by", columnDefinition = "text")
  public String decidedBy;

  @Column(name = "decided_at")
  public OffsetDateTime decidedAt;

  @Version public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;
}
