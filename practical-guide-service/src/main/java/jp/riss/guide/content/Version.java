package jp.riss.guide.content;

import java.time.OffsetDateTime;

/** A guide version and where it is in {@code draft → review → published → retired}. */
public record Version(
    String code,
    String titleJa,
    String titleEn,
    String state,
    String basedOn,
    long revision,
    OffsetDateTime createdAt,
    OffsetDateTime submittedAt,
    OffsetDateTime approvedAt,
    String approvedBy,
    OffsetDateTime publishedAt,
    OffsetDateTime retiredAt) {

  public static final String DRAFT = "draft";
  public static final String REVIEW = "review";
  public static final String PUBLISHED = "published";
  public static final String RETIRED = "retired";

  /** Published and retired versions are public; drafts and versions in review are editors' own. */
  public boolean isPublic() {
    return PUBLISHED.equals(state) || RETIRED.equals(state);
  }
}
