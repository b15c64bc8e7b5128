package jp.riss.activelist.alumnus;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code community.alumnus-link.v1} as this service reads it. The producer's schema is
 * {@code camp-community-service/src/main/resources/events/community.alumnus-link.v1.schema.json}.
 */
public record CommunityLinkRequest(
    UUID linkId,
    String registrationNumber,
    String programme,
    String programmeNameJa,
    Integer fiscalYear,
    String change,
    OffsetDateTime at) {

  public static final String TOPIC = "community.alumnus-link.v1";
  public static final String REQUESTED = "jp.riss.community.alumnus-link-requested";
  public static final String WITHDRAWN = "jp.riss.community.alumnus-link-withdrawn";

  boolean isComplete() {
    return linkId != null
        && registrationNumber != null
        && registrationNumber.matches("[0-9]{6}")
        && programme != null
        && programmeNameJa != null
        && fiscalYear != null
        && at != null;
  }
}
