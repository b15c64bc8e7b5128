package jp.riss.activelist.search;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.listing.EffectiveAvailability;
import jp.riss.activelist.listing.SelfDeclared;

/**
 * A published listing as a search result shows it: what helps choose whom to contact, never how to
 * contact them (contact details are on the listing itself, for the audiences allowed to see them),
 * never the owner's account or internal status reasons.
 */
public record ListingSummary(
    UUID id,
    String registrationNumber,
    String displayName,
    String displayNameKana,
    Affiliation affiliation,
    List<String> prefectures,
    boolean onlineNationwide,
    List<Integer> themes,
    List<String> industries,
    List<SelfDeclared.FormatFee> formats,
    boolean firstConsultationFree,
    List<String> engagementLengths,
    List<String> qualifications,
    EffectiveAvailability availability,
    Verified verified) {

  public record Affiliation(SelfDeclared.Affiliation.Kind kind, String companyName) {}

  /** From IPA's registry; null until the registry has said something about the number. */
  public record Verified(
      String registrationStatus,
      LocalDate expiresOn,
      int yearsRegistered,
      String onlineCourseStatus,
      String practicalCourseStatus) {}
}
