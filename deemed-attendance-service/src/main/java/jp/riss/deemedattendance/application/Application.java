package jp.riss.deemedattendance.application;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.riss.deemedattendance.cycle.Cycle;

/** A specialist's deemed-attendance application for one substitutable requirement of a cycle. */
@Entity
@Table(name = "application")
public class Application {

  @Id public UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "cycle_id", nullable = false)
  public Cycle cycle;

  @Column(name = "requirement_kind", nullable = false, columnDefinition = "text")
  public String requirementKind;

  /** The token subject of the specialist who owns it. Never shown by the API. */
  @Column(name = "specialist_subject", nullable = false, columnDefinition = "text")
  public String specialistSubject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public ApplicationStatus status;

  @Column(name = "submitted_at")
  public OffsetDateTime submittedAt;

  /** The sworn declaration version accepted on submission, and when. */
  @Column(name = "declaration_version", columnDefinition = "text")
  public String declarationVersion;

  @Column(name = "declaration_accepted_at")
  public OffsetDateTime declarationAcceptedAt;

  @Version public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("createdAt ASC, id ASC")
  public List<ExperienceEntry> entries = new ArrayList<>();

  public boolean isOwnedBy(String subject) {
    return specialistSubject.equals(subject);
  }
}
