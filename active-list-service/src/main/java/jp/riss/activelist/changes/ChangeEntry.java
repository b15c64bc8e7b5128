package jp.riss.activelist.changes;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of the change feed. {@code seq} orders the feed (dense, in commit order); {@code
 * listing} is the listing's public representation for an UPSERT and null for a TOMBSTONE. It is
 * kept as stored JSON so the feed and webhooks send exactly what was recorded.
 */
public record ChangeEntry(
    long seq, ChangeKind kind, UUID listingId, OffsetDateTime committedAt, JsonNode listing) {}
