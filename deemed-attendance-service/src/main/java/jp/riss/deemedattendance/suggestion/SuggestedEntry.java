package jp.riss.deemedattendance.suggestion;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An experience entry suggested from a completed guidance engagement on the Active List. */
@Entity
@Table(name = "suggested_entry")
public class SuggestedEntry {

  @Id public UUID id;

  @Column(name = "engagement_id", nullable = false)
  public UUID engagementId;

  @Column(name = "listing_id", nullable = false)
  public UUID listingId;

  @Column(name = "registration_number", nullable = false, columnDefinition = "text")
  public String registrationNumber;

  @Column(nullable = false)
  public int theme;

  @Column(name = "organisation_name", columnDefinition = "text")
  public String organisationName;

  @Column(name = "started_on", nullable = false)
  public LocalDate startedOn;

  @Column(name = "completed_on", nullable = false)
  public LocalDate completedOn;

  @Column(nullable = false, columnDefinition = "text")
  public String title;

  @Column(nullable = false, columnDefinition = "text")
  public String description;

  @ElementCollection
  @CollectionTable(
      name = "suggested_entry_item",
      joinColumns = @JoinColumn(name = "suggestion_id", columnDefinition = "uuid"))
  @OrderColumn(name = "position")
  @Column(name = "item_code", nullable = false, columnDefinition = "text")
  public List<String> syllabusItems = new ArrayList<>();

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
