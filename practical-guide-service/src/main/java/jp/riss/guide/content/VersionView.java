package jp.riss.guide.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** A guide version as readers see it; {@code current} marks the one published now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionView(
    String code,
    String title,
    String lang,
    String state,
    boolean current,
    String basedOn,
    OffsetDateTime createdAt,
    OffsetDateTime submittedAt,
    OffsetDateTime approvedAt,
    OffsetDateTime publishedAt,
    OffsetDateTime retiredAt,
    long revision) {

  public static VersionView of(Version v, String lang) {
    boolean en = Language.EN.equals(lang);
    return new VersionView(
        v.code(),
        en ? v.titleEn() : v.titleJa(),
        lang,
        v.state(),
        Version.PUBLISHED.equals(v.state()),
        v.basedOn(),
        v.createdAt(),
        v.submittedAt(),
        v.approvedAt(),
        v.publishedAt(),
        v.retiredAt(),
        v.revision());
  }
}
