package jp.riss.activelist.listing;

import java.time.OffsetDateTime;
import java.util.UUID;
import jp.riss.activelist.verification.VerifiedFacts;

/**
 * What anyone may see of a published listing — the representation third parties (CRM systems,
 * portals) copy. Contact details only where the specialist opted in; never the owner's account, the
 * status reason or other internal state.
 */
public record PublicListing(
    UUID id,
    String registrationNumber,
    SelfDeclared selfDeclared,
    VerifiedFacts verified,
    long version,
    OffsetDateTime publishedAt,
    OffsetDateTime updatedAt) {

  public static PublicListing of(Listing listing, VerifiedFacts verified) {
    SelfDeclared declared = listing.selfDeclared();
    return new PublicListing(
        listing.id,
        listing.registrationNumber,
        listing.contactPublic ? declared : ListingView.withoutContact(declared),
        verified,
        listing.version,
        listing.publishedAt,
        listing.updatedAt);
  }
}
