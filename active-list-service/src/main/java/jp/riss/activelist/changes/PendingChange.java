package jp.riss.activelist.changes;

import java.util.UUID;

/** A change appended in a transaction, written to the feed when that transaction commits. */
record PendingChange(UUID listingId, ChangeKind kind, String payload) {}
