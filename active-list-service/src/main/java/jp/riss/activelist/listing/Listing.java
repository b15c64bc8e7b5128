package jp.riss.activelist.listing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A specialist's entry in the Active List. */
@Entity
@Table(name = "listing")
public class Listing extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "owner_subject", nullable = false)
  public String ownerSubject;

  @Column(name = "registration_number", nullable = false, columnDefinition = "text")
  public String registrationNumber;

  @Column(name = "display_name", nullable = false, columnDefinition = "text")
  public String displayName;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  public String[] prefectures;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "integer[]")
  public Integer[] themes;

  @Column(name = "display_name_kana", columnDefinition = "text")
  public String displayNameKana;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public SelfDeclared.Affiliation.Kind affiliation;

  @Column(name = "company_name", columnDefinition = "text")
  public String companyName;

  @Enumerated(EnumType.STRING)
  @Column(name = "side_work_basis", columnDefinition = "text")
  public SelfDeclared.Affiliation.SideWorkBasis sideWorkBasis;

  @Column(name = "online_nationwide", nullable = false)
  public boolean onlineNationwide;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "engagement_lengths", nullable = false, columnDefinition = "text[]")
  public String[] engagementLengths;

  @Column(name = "first_consultation_free", nullable = false)
  public boolean firstConsultationFree;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<SelfDeclared.FormatFee> formats;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "syllabus_items", nullable = false, columnDefinition = "text[]")
  public String[] syllabusItems;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  public String[] industries;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  public String[] qualifications;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "other_qualifications", nullable = false, columnDefinition = "text[]")
  public String[] otherQualifications;

  @Column(name = "self_introduction", columnDefinition = "text")
  public String selfIntroduction;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "track_records", nullable = false, columnDefinition = "jsonb")
  public List<SelfDeclared.TrackRecord> trackRecords;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  public SelfDeclared.Contact contact;

  @Column(name = "contact_public", nullable = false)
  public boolean contactPublic;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public SelfDeclared.Availability.Status availability;

  @Column(name = "unavailable_until")
  public LocalDate unavailableUntil;

  @Column(nullable = false)
  public int capacity;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "declared_at", nullable = false, columnDefinition = "jsonb")
  public Map<String, OffsetDateTime> declaredAt;

  @Column(name = "ethics_pledge_version", columnDefinition = "text")
  public String ethicsPledgeVersion;

  @Column(name = "ethics_pledge_accepted_at")
  public OffsetDateTime ethicsPledgeAcceptedAt;

  @Column(name = "reconfirmed_at", nullable = false)
  public OffsetDateTime reconfirmedAt;

  @Column(name = "status_reason", columnDefinition = "text")
  public String statusReason;

  @Column(name = "open_inquiries", nullable = false)
  public int openInquiries;

  /** Set by the inquiry load's own updates (never by the entity), for other replicas' indexes. */
  @Column(name = "load_changed_at", insertable = false, updatable = false)
  public OffsetDateTime loadChangedAt;

  /**
   * Counts the changes of what the public sees of the listing (see the change feed); written only
   * by the feed's own update, never by the entity, so it moves without the owner's ETag moving.
   */
  @Column(name = "public_revision", insertable = false, updatable = false)
  public long publicRevision;

  @Column(name = "engagements_completed", nullable = false)
  public int engagementsCompleted;

  @Column(name = "engagements_verified_at")
  public OffsetDateTime engagementsVerifiedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, columnDefinition = "text")
  public ListingStatus status;

  @Version
  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @Column(name = "published_at")
  public OffsetDateTime publishedAt;

  /**
   * The SQL form of {@link SelfDeclared.Availability#accepting} for today in Japan, for queries
   * that choose listings to send inquiries to.
   */
  public static final String ACCEPTING_TODAY_SQL =
      "(availability <> 'NOT_ACCEPTING'"
          + " OR unavailable_until < CAST(timezone('Asia/Tokyo', now()) AS date))";

  public static Optional<Listing> byRegistrationNumber(String registrationNumber) {
    return find("registrationNumber", registrationNumber).firstResultOptional();
  }

  public boolean isOwnedBy(String subject) {
    return ownerSubject.equals(subject);
  }

  /** The self-declared state as the owner last set it. */
  public SelfDeclared selfDeclared() {
    return new SelfDeclared(
        displayName,
        displayNameKana,
        new SelfDeclared.Affiliation(affiliation, companyName, sideWorkBasis),
        List.of(prefectures),
        onlineNationwide,
        List.of(engagementLengths),
        firstConsultationFree,
        formats,
        List.of(themes),
        List.of(syllabusItems),
        List.of(industries),
        List.of(qualifications),
        List.of(otherQualifications),
        selfIntroduction,
        trackRecords,
        contact,
        new SelfDeclared.Availability(availability, unavailableUntil),
        capacity);
  }

  /** Replaces the self-declared state; verified facts are untouched by construction. */
  void declare(SelfDeclared declared) {
    displayName = declared.displayName();
    displayNameKana = blankToNull(declared.displayNameKana());
    affiliation = declared.affiliation().kind();
    companyName = blankToNull(declared.affiliation().companyName());
    sideWorkBasis = declared.affiliation().sideWork();
    prefectures = declared.prefectures().toArray(String[]::new);
    onlineNationwide = declared.onlineNationwide();
    engagementLengths = declared.engagementLengths().toArray(String[]::new);
    firstConsultationFree = declared.firstConsultationFree();
    formats = declared.formats();
    themes = declared.themes().toArray(Integer[]::new);
    syllabusItems = declared.syllabusItems().toArray(String[]::new);
    industries = declared.industries().toArray(String[]::new);
    qualifications = declared.qualifications().toArray(String[]::new);
    otherQualifications = declared.otherQualifications().toArray(String[]::new);
    selfIntroduction = blankToNull(declared.selfIntroduction());
    trackRecords = declared.trackRecords();
    contact = declared.contact();
    contactPublic = contact != null && contact.publiclyVisible();
    availability = declared.availability().status();
    unavailableUntil = declared.availability().until();
    capacity = declared.capacity();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
