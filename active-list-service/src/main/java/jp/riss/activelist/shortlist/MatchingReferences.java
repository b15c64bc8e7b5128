package jp.riss.activelist.shortlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.riss.activelist.reference.ReferenceData;
import jp.riss.platform.problem.Problem;

/**
 * The reference data of matching (size bands, decline reasons, follow-ups, visit goals per theme)
 * from migration V20, read through {@link ReferenceData}'s reader, and the checks of SME profiles
 * against it and the listing design's codes.
 */
@ApplicationScoped
public class MatchingReferences {

  public record SizeBand(
      String code, String nameJa, String nameEn, int minEmployees, Integer maxEmployees) {}

  public record VisitGoal(int themeNumber, int visitNumber, String goalJa, String goalEn) {}

  @Inject ReferenceData reference;

  public List<SizeBand> sizeBands() {
    return reference.read(
        "SELECT code, name_ja, name_en, min_employees, max_employees"
            + " FROM company_size_band ORDER BY position",
        rs ->
            new SizeBand(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getObject(5, Integer.class)));
  }

  public List<ReferenceData.Coded> declineReasons() {
    return reference.coded(
        "SELECT code, name_ja, name_en FROM inquiry_decline_reason ORDER BY position");
  }

  public List<ReferenceData.Coded> followUps() {
    return reference.coded(
        "SELECT code, name_ja, name_en FROM consultation_follow_up ORDER BY position");
  }

  public List<VisitGoal> visitGoals() {
    return reference.read(
        "SELECT theme_number, visit_number, goal_ja, goal_en FROM theme_visit_goal"
            + " ORDER BY theme_number, visit_number",
        rs -> new VisitGoal(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
  }

  /** The default goals of a theme's three visits, in visit order (Japanese, as the seed states). */
  public List<String> defaultGoals(int theme) {
    return visitGoals().stream()
        .filter(g -> g.themeNumber() == theme)
        .map(VisitGoal::goalJa)
        .toList();
  }

  public Set<String> declineReasonCodes() {
    return reference.codes(declineReasons());
  }

  public Set<String> followUpCodes() {
    return reference.codes(followUps());
  }

  public Set<Integer> themeNumbers() {
    return reference.themeNumbers();
  }

  /** Every code of the profile that the reference data does not know, named by field. */
  public List<Problem.Violation> check(String prefix, SmeProfile profile) {
    List<Problem.Violation> violations = new ArrayList<>();
    if (!reference.codes(reference.industries()).contains(profile.industry())) {
      violations.add(new Problem.Violation(prefix + "industry", "is not a JSIC division"));
    }
    if (!reference.prefectureCodes().contains(profile.prefecture())) {
      violations.add(
          new Problem.Violation(prefix + "prefecture", "is not a JIS X 0401 prefecture code"));
    }
    Set<String> bands = new HashSet<>();
    sizeBands().forEach(b -> bands.add(b.code()));
    if (!bands.contains(profile.sizeBand())) {
      violations.add(new Problem.Violation(prefix + "sizeBand", "is not a company size band"));
    }
    violations.addAll(checkThemes(prefix + "themes", profile.themes()));
    if (profile.preferredFormat() != null
        && !reference.codes(reference.formats()).contains(profile.preferredFormat())) {
      violations.add(
          new Problem.Violation(prefix + "preferredFormat", "is not a consultation format code"));
    }
    return violations;
  }

  public List<Problem.Violation> checkThemes(String field, List<Integer> themes) {
    List<Problem.Violation> violations = new ArrayList<>();
    Set<Integer> known = reference.themeNumbers();
    for (int i = 0; i < themes.size(); i++) {
      if (!known.contains(themes.get(i))) {
        violations.add(
            new Problem.Violation(field + "[" + i + "]", "is not a guidance theme number"));
      }
    }
    return violations;
  }
}
