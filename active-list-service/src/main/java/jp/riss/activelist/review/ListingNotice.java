package jp.riss.activelist.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.criteria.FailedCriterion;

/**
 * The payload of {@code activelist.notice.v1}: something the owner of a listing must be told. The
 * owner is mailed at the listing's contact address with it ({@link Notices}); the event names the
 * listing and the registration number, never the owner's contact details. Schema: {@code
 * events/activelist.notice.v1.schema.json}.
 */
public record ListingNotice(
    UUID listingId,
    String registrationNumber,
    List<FailedCriterion> failedCriteria,
    UUID registryImportId,
    OffsetDateTime reconfirmedAt,
    OffsetDateTime staleAt) {

  public static final String TOPIC = "activelist.notice.v1";
  public static final String SCHEMA = "activelist.notice.v1";

  /** A registry import made the published listing fail criteria; it is suspended. */
  public static final String LISTING_SUSPENDED = "jp.riss.activelist.notice.listing-suspended";

  /** The listing was not reconfirmed for a while and goes stale at {@code staleAt} unless it is. */
  public static final String RECONFIRMATION_DUE = "jp.riss.activelist.notice.reconfirmation-due";

  /** The listing was not reconfirmed in time and left the public list; reconfirm to return. */
  public static final String LISTING_STALE = "jp.riss.activelist.notice.listing-stale";
}
