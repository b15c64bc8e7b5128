package jp.riss.deemedattendance.review;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One decision on an application, kept forever: the history the applicant and IPA read. */
@Entity
@Table(name = "review_decision")
public class ReviewDecision {

  @Id public UUID id;

  @Column(name = "application_id", nullable = false)
  public UUID applicationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public Decision decision;

  /** The reviewer's token subject. Shown to IPA, not to the applicant. */
  @Column(name = "reviewer_subject", nullable = false, columnDefinition = "text")
  public String reviewerSubject;

  @Column(name = "decided_at", nullable = false)
  public OffsetDateTime decidedAt;

  @Column(columnDefinition = "text")
  public String comment;

  /** What IPA asks the applicant (MORE_INFORMATION_REQUESTED only). */
  @Column(columnDefinition = "text")
  public String message;

  @Column(columnDefinition = "text")
  public String advice;

  @ElementCollection
  @CollectionTable(
      name = "review_decision_reason",
      joinColumns = @JoinColumn(name = "decision_id", columnDefinition = "uuid"))
  @OrderColumn(name = "position")
  @Column(name = "reason_code", nullable = false, columnDefinition = "text")
  public List<String> reasonCodes = new ArrayList<>();
}
