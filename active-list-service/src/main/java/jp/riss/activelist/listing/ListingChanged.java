package jp.riss.activelist.listing;

import java.util.List;
import java.util.UUID;

/**
 * The payload of {@code activelist.listing.v1}: the listing's public state after the change, so a
 * consumer can keep a read model from the latest event alone. Contact details are never in it. Its
 * JSON Schema is {@code events/activelist.listing.v1.schema.json}. {@code availability} is the one
 * that applies ({@link EffectiveAvailability}); {@code revision} orders the events of a listing (it
 * grows with every public change, {@code version} only with the owner's and IPA's edits). {@code
 * verified} names the groups of verified facts the listing has (the facts stay in the public
 * listing); empty when it leaves the list.
 */
public record ListingChanged(
    UUID listingId,
    String registrationNumber,
    String displayName,
    List<String> prefectures,
    boolean onlineNationwide,
    List<Integer> themes,
    List<String> industries,
    List<String> formats,
    boolean firstConsultationFree,
    List<String> verified,
    EffectiveAvailability.Status availability,
    ListingStatus status,
    long version,
    long revision) {

  public static final String TOPIC = "activelist.listing.v1";
  public static final String SCHEMA = "activelist.listing.v1";
  public static final String PUBLISHED = "jp.riss.activelist.listing.published";
  public static final String CHANGED = "jp.riss.activelist.listing.changed";
  public static final String WITHDRAWN = "jp.riss.activelist.listing.withdrawn";
  public static final String DELISTED = "jp.riss.activelist.listing.delisted";

  public static ListingChanged of(
      Listing listing, EffectiveAvailability availability, long revision, List<String> verified) {
    return new ListingChanged(
        listing.id,
        listing.registrationNumber,
        listing.displayName,
        List.of(listing.prefectures),
        listing.onlineNationwide,
        List.of(listing.themes),
        List.of(listing.industries),
        listing.formats.stream().map(SelfDeclared.FormatFee::format).toList(),
        listing.firstConsultationFree,
        verified,
        availability.status(),
        listing.status,
        listing.version,
        revision);
  }
}
