package jp.riss.activelist.statistics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What this service reads of the practical guide's "self-diagnosis completed" event ({@code
 * guide.diagnosis.v1}; the schema is the guide's own file): where the SME is, its JSIC division,
 * and the guidance themes that close its gaps. Other fields are ignored. The event never names the
 * organisation, so neither can the statistics.
 */
public record SelfDiagnosisCompleted(
    UUID diagnosisId,
    OffsetDateTime completedAt,
    String prefecture,
    String jsicDivision,
    List<Gap> gaps) {

  public static final String TOPIC = "guide.diagnosis.v1";
  public static final String TYPE = "jp.riss.guide.diagnosis.completed";

  /** A gap of the diagnosis with the themes (1–6) that can close it. */
  public record Gap(String gapCode, Integer step, List<Integer> themeCodes) {}

  /** Every theme some gap needs, once each, in order. */
  public List<Integer> neededThemes() {
    return gaps.stream().flatMap(g -> g.themeCodes().stream()).distinct().sorted().toList();
  }

  boolean isComplete() {
    return diagnosisId != null
        && prefecture != null
        && prefecture.matches("\\d{2}")
        && (jsicDivision == null || jsicDivision.matches("[A-T]"))
        && gaps != null
        && gaps.stream()
            .allMatch(
                g ->
                    g != null
                        && g.themeCodes() != null
                        && g.themeCodes().stream().allMatch(Objects::nonNull))
        && completedAt != null;
  }
}
