package jp.riss.activelist.listing;

import java.util.UUID;

/**
 * Fired (CDI) inside every transaction that changes a listing or its load, so in-process views of
 * listings (the search index) can refresh it once the transaction has committed — observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}.
 */
public record ListingTouched(UUID listingId) {}
