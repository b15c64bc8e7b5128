package jp.riss.activelist.statistics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What this service reads of the practical guide's "self-diagnosis completed" event: where the SME
 * is, its industry, and the guidance themes the diagnosis found it needs. Other fields are ignored.
 */
public record SelfDiagnosisCompleted(
    UUID diagnosisId,
    String prefecture,
    String industry,
    List<Integer> neededThemes,
    OffsetDateTime completedAt) {

  public static final String TOPIC = "guide.diagnosis.v1";
  public static final String TYPE = "jp.riss.guide.diagnosis.completed";

  boolean isComplete() {
    return diagnosisId != null
        && prefecture != null
        && prefecture.matches("\\d{2}")
        && (industry == null || industry.matches("[A-T]"))
        && neededThemes != null
        && completedAt != null;
  }
}
