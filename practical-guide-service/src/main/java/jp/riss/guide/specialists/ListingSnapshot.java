package jp.riss.guide.specialists;

import java.util.List;
import java.util.UUID;

/**
 * The part of an {@code activelist.listing.v1} payload the guide keeps. A tolerant reader: fields
 * the Active List adds later are ignored.
 */
public record ListingSnapshot(
    UUID listingId,
    String registrationNumber,
    String displayName,
    List<String> prefectures,
    List<Integer> themes,
    String status,
    Long version) {

  public static final String TOPIC = "activelist.listing.v1";

  boolean isComplete() {
    return listingId != null
        && registrationNumber != null
        && displayName != null
        && prefectures != null
        && themes != null
        && status != null
        && version != null;
  }

  boolean isListed() {
    return "PUBLISHED".equals(status);
  }
}
