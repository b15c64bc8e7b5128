package jp.riss.activelist.listing;

import java.time.OffsetDateTime;
import java.util.UUID;
import jp.riss.activelist.verification.VerifiedFacts;

/**
 * What anyone may see of a published listing — the representation third parties (CRM systems,
 * portals) copy. Contact details only where the specialist opted in; never the owner's account, the
 * status reason or other internal state. {@code revision} grows with every change of this
 * representation, whatever caused it (an edit, a verified fact, the inquiry load reaching
 * capacity).
 */
public record PublicListing(
    UUID id,
    String registrationNumber,
    SelfDeclared selfDeclared,
    VerifiedFacts verified,
    EffectiveAvailability availability,
    long version,
    long revision,
    OffsetDateTime publishedAt,
    OffsetDateTime updatedAt) {

  public static PublicListing of(
      Listing listing, VerifiedFacts verified, EffectiveAvailability availability, long revision) {
    SelfDeclared declared = listing.selfDeclared();
    return new PublicListing(
        listing.id,
        listing.registrationNumber,
        listing.contactPublic ? declared : ListingView.withoutContact(declared),
        verified,
        availability,
        listing.version,
        revision,
        listing.publishedAt,
        listing.updatedAt);
  }
}
