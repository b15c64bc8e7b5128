package jp.riss.community.programme;

import java.time.LocalDate;

/**
 * A programme as lists show it: the completions counted from the camp office's verified records,
 * with the report's reference figure beside them for reconciliation (never summed into people).
 */
public record ProgrammeView(
    String code,
    String nameJa,
    String nameEn,
    Integer maxAge,
    Integer sinceFiscalYear,
    String descriptionJa,
    boolean communityEligible,
    long completionsRecorded,
    Reference reference,
    long version) {

  /** The report's figure and its date; null where the report gives none. */
  public record Reference(int alumni, LocalDate asOf) {}

  static ProgrammeView of(Programme p, long completions) {
    return new ProgrammeView(
        p.code,
        p.nameJa,
        p.nameEn,
        p.maxAge,
        p.sinceFiscalYear,
        p.descriptionJa,
        p.communityEligible,
        completions,
        reference(p),
        p.version);
  }

  static Reference reference(Programme p) {
    return p.referenceAlumni == null ? null : new Reference(p.referenceAlumni, p.referenceAsOf);
  }
}
