package jp.riss.community.moderation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code community.moderation.v1}: a case was opened, reported again, acted on or appealed.
 * No text and no person: what moderators see stays in the service. Schema {@code
 * events/community.moderation.v1.schema.json}.
 */
public record ModerationChanged(
    UUID caseId,
    String change,
    String targetKind,
    UUID targetId,
    String action,
    OffsetDateTime at) {

  public static final String TOPIC = "community.moderation.v1";
  public static final String SCHEMA = "community.moderation.v1";
  public static final String TYPE = "jp.riss.community.moderation-changed";
}
