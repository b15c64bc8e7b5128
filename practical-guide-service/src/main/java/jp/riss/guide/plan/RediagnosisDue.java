package jp.riss.guide.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Payload of {@code guide.rediagnosis.v1}: the organisation's latest diagnosis is as old as the
 * review period, so a new diagnosis (the next Check) is proposed. For the organisation's own
 * notifications; it names the organisation but carries nothing of its answers.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RediagnosisDue(
    UUID organisationId,
    UUID lastDiagnosisId,
    OffsetDateTime lastCompletedAt,
    int lastPlacedStep,
    LocalDate dueOn) {

  public static final String TOPIC = "guide.rediagnosis.v1";
  public static final String TYPE = "jp.riss.guide.rediagnosis.due";
  public static final String SCHEMA = "guide.rediagnosis.v1";
}
