package jp.riss.activelist.listing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Everything a specialist declares about themselves — the editable state of a listing, sent whole
 * on create and on every update. Verified facts (registry, courses, deemed attendance, platform
 * engagements) are not part of it, so no request can change them.
 *
 * <p>Drafts may be incomplete; the listing criteria (at least one theme, a region, a fee per
 * format, …) are checked when the listing is submitted for review, with a reason per criterion.
 */
public record SelfDeclared(
    @NotBlank @Size(max = 100) String displayName,
    // Kana as the contract's pattern states it, block for block: Hiragana, Katakana (with ー and
    // ・), Katakana Phonetic Extensions, halfwidth Katakana, and spaces.
    @Size(max = 100)
        @Pattern(
            regexp = "[\\u3041-\\u309F\\u30A0-\\u30FF\\u31F0-\\u31FF\\uFF66-\\uFF9F \\u3000]*",
            message = "must be written in kana")
        String displayNameKana,
    @NotNull @Valid Affiliation affiliation,
    @Size(max = 47)
        List<
                @NotNull
                @Pattern(regexp = "\\d{2}", message = "must be a JIS X 0401 code such as \"13\"")
                String>
            prefectures,
    boolean onlineNationwide,
    @Size(max = 5) List<@NotNull @Size(max = CODE_LENGTH) String> engagementLengths,
    boolean firstConsultationFree,
    @Size(max = 10) List<@NotNull @Valid FormatFee> formats,
    @Size(max = 20) List<@NotNull @Min(1) @Max(99) Integer> themes,
    @Size(max = 30)
        List<
                @NotNull
                @Pattern(
                    regexp = "[1-4]-\\d{1,2}",
                    message = "must be a syllabus code such as \"1-4\"")
                String>
            syllabusItems,
    @Size(max = 20)
        List<
                @NotNull
                @Pattern(regexp = "[A-T]", message = "must be a JSIC division letter such as \"E\"")
                String>
            industries,
    @Size(max = 20) List<@NotNull @Size(max = CODE_LENGTH) String> qualifications,
    @Size(max = 10) List<@NotBlank @Size(max = 100) String> otherQualifications,
    @Size(max = 4000) String selfIntroduction,
    @Size(max = 50) List<@NotNull @Valid TrackRecord> trackRecords,
    @Valid Contact contact,
    @NotNull @Valid Availability availability,
    @Min(1) @Max(100) Integer capacity) {

  public static final int DEFAULT_CAPACITY = 3;

  /**
   * The longest reference code a request may name (formats, engagement lengths, qualifications,
   * size bands, follow-ups, decline reasons): longer than any code in the reference data, and the
   * maxLength the contract states, so an over-long code is refused before it is looked up.
   */
  public static final int CODE_LENGTH = 50;

  public SelfDeclared {
    // Duplicates are dropped, but only from lists within their @Size bound: deduplicating an
    // over-long list first would hide it from validation and accept more items than the contract.
    prefectures = sortedDistinct(prefectures, 47);
    engagementLengths = distinct(engagementLengths, 5);
    formats = formats == null ? List.of() : List.copyOf(formats);
    themes = sortedDistinct(themes, 20);
    syllabusItems = sortedDistinct(syllabusItems, 30);
    industries = sortedDistinct(industries, 20);
    qualifications = distinct(qualifications, 20);
    otherQualifications = distinct(otherQualifications, 10);
    trackRecords = trackRecords == null ? List.of() : List.copyOf(trackRecords);
    displayName = displayName == null ? null : displayName.strip();
    capacity = capacity == null ? DEFAULT_CAPACITY : capacity;
  }

  private static <T> List<T> orEmpty(List<T> values) {
    return values == null ? List.of() : values;
  }

  private static <T> List<T> distinct(List<T> values, int max) {
    return values == null || values.size() > max
        ? orEmpty(values)
        : values.stream().distinct().toList();
  }

  private static <T extends Comparable<T>> List<T> sortedDistinct(List<T> values, int max) {
    return values == null || values.size() > max
        ? orEmpty(values)
        : values.stream().distinct().sorted().toList();
  }

  /** 所属形態: independent, or affiliated with a company (named). */
  public record Affiliation(
      @NotNull Kind kind, @Size(max = 200) String companyName, SideWorkBasis sideWork) {
    public enum Kind {
      INDEPENDENT,
      COMPANY
    }

    /** Why a company-affiliated specialist may consult for SMEs at all. */
    public enum SideWorkBasis {
      SIDE_WORK_PERMITTED,
      COMPANY_CONSULTS_SMES
    }
  }

  /** A format offered (訪問, オンライン, 講習・研修, 製品選定・導入支援) and its fee per session. */
  public record FormatFee(
      @NotNull @Size(max = CODE_LENGTH) String format,
      @Min(0) @Max(10_000_000) Integer feePerSessionJpy) {}

  /** A concrete piece of past work shown on the detail page. */
  public record TrackRecord(
      @NotBlank @Size(max = 200) String title,
      @Size(max = 2000) String description,
      @Min(1990) @Max(2100) Integer year,
      @Min(1) @Max(99) Integer theme,
      @Pattern(regexp = "[A-T]", message = "must be a JSIC division letter such as \"E\"")
          String industry) {}

  /** How to reach the specialist; shown only to authenticated companies and support bodies. */
  public record Contact(
      @jakarta.validation.constraints.Email @Size(max = 254) String email,
      @Pattern(regexp = "\\+?[0-9][0-9-]{5,19}", message = "must be a telephone number")
          String phone,
      @Pattern(regexp = "https://[^\\s]{3,500}", message = "must be an https URL") String website,
      boolean publiclyVisible) {}

  /** The specialist's own status (seed line 622), e.g. not accepting until a date. */
  public record Availability(@NotNull Status status, java.time.LocalDate until) {

    /** Whether new inquiries are taken on {@code day}: "not accepting until" ends after it. */
    public boolean accepting(java.time.LocalDate day) {
      return status != Status.NOT_ACCEPTING || (until != null && day.isAfter(until));
    }

    public enum Status {
      ACCEPTING,
      LIMITED,
      NOT_ACCEPTING
    }
  }
}
