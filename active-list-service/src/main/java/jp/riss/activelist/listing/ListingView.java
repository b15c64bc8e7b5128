package jp.riss.activelist.listing;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.verification.VerifiedFacts;

/**
 * A listing as the API shows it: what the specialist declares and what is verified, side by side,
 * with when each declared field was last set, and the availability that applies today. The owner's
 * account id is never part of it; contact details only for those {@link ContactDisclosure} allows.
 */
public record ListingView(
    UUID id,
    String registrationNumber,
    ListingStatus status,
    String statusReason,
    long version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime publishedAt,
    OffsetDateTime reconfirmedAt,
    SelfDeclared selfDeclared,
    Map<String, OffsetDateTime> declaredAt,
    VerifiedFacts verified,
    EffectiveAvailability availability,
    EthicsPledgeAcceptance ethicsPledge) {

  /** Which version of the ethics pledge the owner accepted, and when. */
  public record EthicsPledgeAcceptance(String version, OffsetDateTime acceptedAt) {}

  public static ListingView of(
      Listing listing,
      VerifiedFacts verified,
      Audience audience,
      boolean seesContact,
      EffectiveAvailability availability) {
    SelfDeclared declared = listing.selfDeclared();
    if (!seesContact) {
      declared = withoutContact(declared);
    }
    return new ListingView(
        listing.id,
        listing.registrationNumber,
        listing.status,
        audience.seesInternals() ? listing.statusReason : null,
        listing.version,
        listing.createdAt,
        listing.updatedAt,
        listing.publishedAt,
        listing.reconfirmedAt,
        declared,
        listing.declaredAt,
        verified,
        availability,
        listing.ethicsPledgeVersion == null
            ? null
            : new EthicsPledgeAcceptance(
                listing.ethicsPledgeVersion, listing.ethicsPledgeAcceptedAt));
  }

  static SelfDeclared withoutContact(SelfDeclared d) {
    return new SelfDeclared(
        d.displayName(),
        d.displayNameKana(),
        d.affiliation(),
        d.prefectures(),
        d.onlineNationwide(),
        d.engagementLengths(),
        d.firstConsultationFree(),
        d.formats(),
        d.themes(),
        d.syllabusItems(),
        d.industries(),
        d.qualifications(),
        d.otherQualifications(),
        d.selfIntroduction(),
        d.trackRecords(),
        null,
        d.availability(),
        d.capacity());
  }
}
