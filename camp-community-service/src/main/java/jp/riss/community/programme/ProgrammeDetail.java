package jp.riss.community.programme;

import java.util.List;

/** One programme with its theme areas (empty for programmes without any). */
public record ProgrammeDetail(
    String code,
    String nameJa,
    String nameEn,
    Integer maxAge,
    Integer sinceFiscalYear,
    String descriptionJa,
    boolean communityEligible,
    long completionsRecorded,
    ProgrammeView.Reference reference,
    long version,
    List<ThemeAreaView> themeAreas) {

  public record ThemeAreaView(String code, String axis, String nameJa, String nameEn) {}

  static ProgrammeDetail of(Programme p, long completions) {
    return new ProgrammeDetail(
        p.code,
        p.nameJa,
        p.nameEn,
        p.maxAge,
        p.sinceFiscalYear,
        p.descriptionJa,
        p.communityEligible,
        completions,
        ProgrammeView.reference(p),
        p.version,
        p.themeAreas.stream()
            .map(t -> new ThemeAreaView(t.code, t.axis, t.nameJa, t.nameEn))
            .toList());
  }
}
