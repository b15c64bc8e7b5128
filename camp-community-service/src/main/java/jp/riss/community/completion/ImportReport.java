package jp.riss.community.completion;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What an import did. Every row is counted once: created, updated, unchanged or rejected (partial
 * mode only; otherwise any bad row rejects the whole import with a problem).
 */
public record ImportReport(
    UUID id,
    OffsetDateTime receivedAt,
    String mode,
    int rows,
    int created,
    int updated,
    int unchanged,
    int rejected,
    int codesSent,
    List<RowError> errors,
    long durationMs) {}
