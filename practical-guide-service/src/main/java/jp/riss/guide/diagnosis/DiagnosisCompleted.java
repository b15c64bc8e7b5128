package jp.riss.guide.diagnosis;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code guide.diagnosis.v1}, for demand statistics: where and what kind of
 * organisation, its Step, band and gaps with the themes that close them. Never the organisation's
 * name or id, the respondent, free text or the exact score; not written at all for an organisation
 * that declined statistics.
 */
public record DiagnosisCompleted(
    UUID diagnosisId,
    OffsetDateTime completedAt,
    String instrumentCode,
    String instrumentVersion,
    String placementRuleVersion,
    int placedStep,
    String prefecture,
    String jsicDivision,
    String employeeBand,
    String scoreBand,
    List<Gap> gaps,
    boolean isRepeat) {

  public static final String TOPIC = "guide.diagnosis.v1";
  public static final String TYPE = "jp.riss.guide.diagnosis.completed";
  public static final String SCHEMA = "guide.diagnosis.v1";

  /** A gap without the answer: its code, Step and the guidance themes that close it. */
  public record Gap(String gapCode, int step, List<Integer> themeCodes) {}
}
