package jp.riss.guide.content;

import java.time.OffsetDateTime;

/**
 * Payload of {@code guide.version.v1}: a guide version became the current one, so portals and
 * caches refresh. Carries counts of what changed, not the content (read it through the API).
 */
public record VersionPublished(
    String version,
    String previousVersion,
    String basedOn,
    OffsetDateTime publishedAt,
    int elements,
    Changes changes) {

  public static final String TOPIC = "guide.version.v1";
  public static final String TYPE = "jp.riss.guide.version-published";
  public static final String SCHEMA = "guide.version.v1";

  /** Element counts against the previously current version (all added for the first one). */
  public record Changes(int added, int changed, int removed) {}
}
