package jp.riss.activelist.listing;

/** Where a listing is in its review lifecycle; only PUBLISHED listings are public. */
public enum ListingStatus {
  DRAFT,
  PENDING_REVIEW,
  PUBLISHED,
  REJECTED,
  SUSPENDED,
  WITHDRAWN,
  STALE
}
