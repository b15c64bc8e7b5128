package jp.riss.community.link;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code community.alumnus-link.v1}: an adult alumnus asked the Active List to show their
 * camp completion on the listing of the registration number they named, or the link was withdrawn.
 * Carries no member id, name or contact detail: the Active List's specialist proves the listing is
 * theirs by confirming it with their own token. Schema: {@code
 * events/community.alumnus-link.v1.schema.json}.
 */
public record AlumnusLinkChanged(
    UUID linkId,
    String registrationNumber,
    String programme,
    String programmeNameJa,
    int fiscalYear,
    String change,
    OffsetDateTime at) {

  public static final String TOPIC = "community.alumnus-link.v1";
  public static final String SCHEMA = "community.alumnus-link.v1";
  public static final String REQUESTED = "jp.riss.community.alumnus-link-requested";
  public static final String WITHDRAWN = "jp.riss.community.alumnus-link-withdrawn";
}
