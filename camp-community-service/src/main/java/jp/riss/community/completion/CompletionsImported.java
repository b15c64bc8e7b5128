package jp.riss.community.completion;

import java.util.UUID;

/**
 * Data of {@code community.completion.v1}: the camp office imported completion records. Counts only
 * — no person appears in the event. Schema {@code events/community.completion.v1.schema.json}.
 */
public record CompletionsImported(
    UUID importId, int rows, int created, int updated, int unchanged, int rejected, int codesSent) {

  public static final String TOPIC = "community.completion.v1";
  public static final String SCHEMA = "community.completion.v1";
  public static final String TYPE = "jp.riss.community.completions-imported";
}
