package jp.riss.community.opportunity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code community.opportunity-selection.v1}: the camp office selected a member for an
 * opportunity, or a selected member withdrew. For the provider's and the notification side's
 * planning; carries the member's pseudonymous id only, never a name or a contact detail. Schema:
 * {@code events/community.opportunity-selection.v1.schema.json}.
 */
public record OpportunitySelectionChanged(
    UUID opportunityId,
    String kind,
    UUID interestId,
    UUID memberId,
    String change,
    int selected,
    int slots,
    OffsetDateTime at) {

  public static final String TOPIC = "community.opportunity-selection.v1";
  public static final String SCHEMA = "community.opportunity-selection.v1";
  public static final String SELECTED = "jp.riss.community.opportunity-selected";
  public static final String WITHDRAWN = "jp.riss.community.opportunity-selection-withdrawn";
}
