package jp.riss.activelist.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.listing.SelfDeclared;

/** A listing row and its registry entry as search reads them (only what search needs). */
record StoredListing(
    UUID id,
    long version,
    ListingStatus status,
    OffsetDateTime updatedAt,
    String registrationNumber,
    String displayName,
    String displayNameKana,
    SelfDeclared.Affiliation.Kind affiliation,
    String companyName,
    List<String> prefectures,
    boolean onlineNationwide,
    List<Integer> themes,
    List<String> industries,
    List<SelfDeclared.FormatFee> formats,
    boolean firstConsultationFree,
    List<String> engagementLengths,
    List<String> qualifications,
    List<String> otherQualifications,
    String selfIntroduction,
    List<SelfDeclared.TrackRecord> trackRecords,
    SelfDeclared.Availability availability,
    int capacity,
    int openInquiries,
    Registry registry) {

  /** The registry entry of the listing's registration number, when there is one. */
  record Registry(
      String status,
      LocalDate registeredOn,
      LocalDate expiresOn,
      String onlineCourseStatus,
      String practicalCourseStatus,
      OffsetDateTime verifiedAt) {}
}
