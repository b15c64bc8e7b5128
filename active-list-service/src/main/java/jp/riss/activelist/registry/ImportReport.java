package jp.riss.activelist.registry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.criteria.FailedCriterion;

/** What one registry import did, as answered and as stored for later reading. */
public record ImportReport(
    UUID id,
    OffsetDateTime receivedAt,
    String actor,
    String mediaType,
    int records,
    int created,
    int updated,
    int unchanged,
    int rejected,
    List<RowError> errors,
    boolean errorsTruncated,
    List<SuspendedListing> suspended,
    long durationMs) {

  /** A published listing this import took off the list, and the criteria it now fails. */
  public record SuspendedListing(
      UUID listingId, String registrationNumber, List<FailedCriterion> failedCriteria) {}
}
