package jp.riss.community.link;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code activelist.alumnus-link.v1} as this service reads it: the specialist confirmed or
 * withdrew a link on the Active List. The producer's schema is {@code
 * active-list-service/src/main/resources/events/activelist.alumnus-link.v1.schema.json}.
 */
public record ActiveListLinkDecision(UUID linkId, String decision, OffsetDateTime at) {

  public static final String TOPIC = "activelist.alumnus-link.v1";
  public static final String CONFIRMED = "jp.riss.activelist.alumnus-link-confirmed";
  public static final String WITHDRAWN = "jp.riss.activelist.alumnus-link-withdrawn";
}
