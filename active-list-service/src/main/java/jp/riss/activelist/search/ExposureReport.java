package jp.riss.activelist.search;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Search exposure over whole hours: per listing, impressions by position bucket (a page of
 * listings, by id), and over all listings shown or published how unevenly the top positions were
 * shared (Gini of top-bucket impressions: 0 even, 1 all to one listing).
 */
public record ExposureReport(
    OffsetDateTime from,
    OffsetDateTime to,
    List<String> buckets,
    String topBucket,
    double top3Gini,
    int listingsCounted,
    long topImpressions,
    List<ListingExposure> items,
    String next) {

  public record ListingExposure(
      UUID listingId, String registrationNumber, Map<String, Long> impressions, long total) {}
}
