package jp.riss.deemedattendance.application;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One experience entry of an application: a coherent block of work (ひとかたまりの業務) and its result,
 * matched to syllabus sub-items. The corporate number is organisational data: only the owner and
 * IPA's reviewers see it. The certifier's e-mail only ever leaves in the attestation message.
 */
@Entity
@Table(name = "experience_entry")
public class ExperienceEntry {

  @Id public UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "application_id", nullable = false)
  public Application application;

  @ElementCollection
  @CollectionTable(
      name = "experience_entry_item",
      joinColumns = @JoinColumn(name = "entry_id", columnDefinition = "uuid"))
  @OrderColumn(name = "position")
  @Column(name = "item_code", nullable = false, columnDefinition = "text")
  public List<String> syllabusItems = new ArrayList<>();

  @Column(nullable = false, columnDefinition = "text")
  public String title;

  @Column(nullable = false, columnDefinition = "text")
  public String description;

  @Column(name = "description_key", nullable = false, columnDefinition = "text")
  public String descriptionKey;

  /** Another applicant's entry has the same normalised description. For IPA; never shown. */
  @Column(name = "shared_description", nullable = false)
  public boolean sharedDescription;

  @Column(name = "period_from", nullable = false)
  public LocalDate periodFrom;

  @Column(name = "period_to", nullable = false)
  public LocalDate periodTo;

  @Column(name = "organisation_name", nullable = false, columnDefinition = "text")
  public String organisationName;

  @Column(name = "corporate_number", columnDefinition = "text")
  public String corporateNumber;

  @Column(name = "applicant_role", columnDefinition = "text")
  public String applicantRole;

  @Column(name = "certifier_name", columnDefinition = "text")
  public String certifierName;

  @Column(name = "certifier_title", columnDefinition = "text")
  public String certifierTitle;

  @Column(name = "certifier_email", columnDefinition = "text")
  public String certifierEmail;

  @Enumerated(EnumType.STRING)
  @Column(name = "certifier_relation", columnDefinition = "text")
  public CertifierRelation certifierRelation;

  /** The suggestion (a completed guidance engagement) this entry was copied from, if any. */
  @Column(name = "suggestion_id")
  public UUID suggestionId;

  /** Where the entry stands with its certifier; only DRAFT and DECLINED entries can be edited. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public EntryStatus status = EntryStatus.DRAFT;

  @Column(name = "attestation_requested_at")
  public OffsetDateTime attestationRequestedAt;

  @Column(name = "attestation_expires_at")
  public OffsetDateTime attestationExpiresAt;

  @Column(name = "attestation_decided_at")
  public OffsetDateTime attestationDecidedAt;

  @Column(name = "attestation_comment", columnDefinition = "text")
  public String attestationComment;

  /** The certifier's name as the entry named them when attestation was requested. */
  @Column(name = "attested_by_name", columnDefinition = "text")
  public String attestedByName;

  @Version public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  public boolean isEditable() {
    return status == EntryStatus.DRAFT || status == EntryStatus.DECLINED;
  }

  /**
   * Whether every field a certifier needs is filled in. Only an entry copied from a suggestion can
   * be incomplete; replacing it (with every check of a new entry) completes it.
   */
  public boolean isComplete() {
    return corporateNumber != null
        && applicantRole != null
        && certifierName != null
        && certifierTitle != null
        && certifierEmail != null
        && certifierRelation != null;
  }
}
