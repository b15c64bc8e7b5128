package jp.riss.guide.diagnosis;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A completed diagnosis as its organisation's owner or a consented support body reads it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiagnosisView(
    UUID id,
    UUID organisationId,
    String instrument,
    String instrumentVersion,
    String placementRuleVersion,
    List<String> facts,
    Map<String, String> answers,
    Score score,
    String band,
    int placedStep,
    List<Assessment.Unmet> unmet,
    UUID previousDiagnosisId,
    boolean movedDown,
    List<Assessment.Gap> gaps,
    Respondent respondent,
    OffsetDateTime completedAt) {

  /** Raw points, the maximum over applicable items, and raw ÷ maximum in percent (rounded down). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Score(int raw, int max, Integer percent) {}

  /** Who answered, as their token proved. */
  public record Respondent(String subject, String role) {}

  /** One line of an organisation's diagnosis history. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Summary(
      UUID id,
      String instrument,
      String instrumentVersion,
      int placedStep,
      Integer percent,
      String band,
      boolean movedDown,
      int gaps,
      OffsetDateTime completedAt) {}

  static DiagnosisView of(Diagnosis d) {
    Assessment a = d.assessment();
    return new DiagnosisView(
        d.id(),
        d.organisationId(),
        d.instrumentCode(),
        d.instrumentVersion(),
        d.placementVersion(),
        d.facts(),
        d.answers(),
        new Score(a.rawScore(), a.maxScore(), a.percent()),
        a.band(),
        a.placedStep(),
        a.unmet(),
        d.previousId(),
        d.movedDown(),
        a.gaps(),
        new Respondent(d.respondentSubject(), d.respondentRole()),
        d.completedAt());
  }

  public static Summary summary(Diagnosis d) {
    Assessment a = d.assessment();
    return new Summary(
        d.id(),
        d.instrumentCode(),
        d.instrumentVersion(),
        a.placedStep(),
        a.percent(),
        a.band(),
        d.movedDown(),
        a.gaps().size(),
        d.completedAt());
  }
}
