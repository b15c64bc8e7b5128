package jp.riss.community.showcase;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An item as the public sees it: no member id, no contact detail, and about each named alumnus only
 * the details their consent to this item covers (absent fields are simply not there).
 */
public record ShowcaseItem(
    UUID id,
    String kind,
    String category,
    String audience,
    String title,
    String body,
    OffsetDateTime publishedAt,
    List<Alumnus> alumni) {

  /** A named alumnus, with only the consented details. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Alumnus(
      String displayName,
      List<Completion> completions,
      String prefecture,
      String affiliationKind) {}

  public record Completion(String programme, int fiscalYear) {}
}
