package jp.riss.guide.references;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A resource the guide cites (参照資料) and what the link checker last found. {@code linkState}: {@code
 * url-missing} (no address yet), {@code unchecked}, {@code ok}, {@code moved} (answers, but only
 * after a redirect: {@code finalUrl} is where), {@code dead} (404 or 410) or {@code failing}
 * (another error status, a timeout, a refused or unreachable address); {@code needsAttention} flags
 * the last four for editors. Nothing is ever deleted by a check.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reference(
    int number,
    Integer footnote,
    String label,
    String lang,
    Labels labels,
    String publisher,
    String kind,
    List<Integer> steps,
    Integer citedLine,
    Integer urlLine,
    String url,
    String linkState,
    boolean needsAttention,
    LastCheck lastCheck,
    long revision) {

  /** Both labels, for editors. */
  public record Labels(String ja, String en) {}

  /** The latest check of this link. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LastCheck(
      OffsetDateTime checkedAt,
      Integer status,
      String finalUrl,
      String error,
      Integer durationMs) {}

  public static final List<String> KINDS =
      List.of("video", "playlist", "pdf", "pptx", "page", "course", "exam");
  public static final List<String> LINK_STATES =
      List.of("url-missing", "unchecked", "ok", "moved", "dead", "failing");

  static boolean needsAttention(String state) {
    return !"ok".equals(state) && !"unchecked".equals(state);
  }
}
