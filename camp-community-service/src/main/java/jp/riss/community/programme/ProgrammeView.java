package jp.riss.community.programme;

/** A programme as lists show it. */
public record ProgrammeView(
    String code,
    String nameJa,
    String nameEn,
    Integer maxAge,
    Integer sinceFiscalYear,
    String descriptionJa) {

  static ProgrammeView of(Programme p) {
    return new ProgrammeView(
        p.code, p.nameJa, p.nameEn, p.maxAge, p.sinceFiscalYear, p.descriptionJa);
  }
}
