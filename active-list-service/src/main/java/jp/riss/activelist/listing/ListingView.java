package jp.riss.activelist.listing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A listing as the API shows it. The owner's account id is never part of it. */
public record ListingView(
    UUID id,
    String registrationNumber,
    String displayName,
    List<String> prefectures,
    List<Integer> themes,
    ListingStatus status,
    long version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime publishedAt) {

  static ListingView of(Listing listing) {
    return new ListingView(
        listing.id,
        listing.registrationNumber,
        listing.displayName,
        List.of(listing.prefectures),
        List.of(listing.themes),
        listing.status,
        listing.version,
        listing.createdAt,
        listing.updatedAt,
        listing.publishedAt);
  }
}
