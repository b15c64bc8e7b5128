package jp.riss.activelist.alumnus;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code activelist.alumnus-link.v1}: the specialist confirmed or withdrew an alumnus link
 * on the Active List, so the community shows the same state. Schema: {@code
 * events/activelist.alumnus-link.v1.schema.json}.
 */
public record AlumnusLinkDecided(UUID linkId, String decision, OffsetDateTime at) {

  public static final String TOPIC = "activelist.alumnus-link.v1";
  public static final String SCHEMA = "activelist.alumnus-link.v1";
  public static final String CONFIRMED = "jp.riss.activelist.alumnus-link-confirmed";
  public static final String WITHDRAWN = "jp.riss.activelist.alumnus-link-withdrawn";
}
