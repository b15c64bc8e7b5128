package jp.riss.activelist.shortlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.riss.activelist.reference.ReferenceData;
import jp.riss.platform.problem.Problem;

/**
 * The reference data of matching (size bands, decline reasons, follow-ups, visit goals per theme)
 * from migration V20, and the checks of SME profiles against it and the listing design's codes.
 */
@ApplicationScoped
public class MatchingReferences {

  public record SizeBand(
      String code, String nameJa, String nameEn, int minEmployees, Integer maxEmployees) {}

  public record VisitGoal(int themeNumber, int visitNumber, String goalJa, String goalEn) {}

  @Inject EntityManager em;
  @Inject ReferenceData reference;

  @SuppressWarnings("unchecked")
  public List<SizeBand> sizeBands() {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT code, name_ja, name_en, min_employees, max_employees"
                    + " FROM company_size_band ORDER BY position")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new SizeBand(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).intValue(),
                    r[4] == null ? null : ((Number) r[4]).intValue()))
        .toList();
  }

  public List<ReferenceData.Coded> declineReasons() {
    return coded("inquiry_decline_reason");
  }

  public List<ReferenceData.Coded> followUps() {
    return coded("consultation_follow_up");
  }

  @SuppressWarnings("unchecked")
  public List<VisitGoal> visitGoals() {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT theme_number, visit_number, goal_ja, goal_en FROM theme_visit_goal"
                    + " ORDER BY theme_number, visit_number")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new VisitGoal(
                    ((Number) r[0]).intValue(),
                    ((Number) r[1]).intValue(),
                    (String) r[2],
                    (String) r[3]))
        .toList();
  }

  /** The default goals of a theme's three visits, in visit order (Japanese, as the seed states). */
  public List<String> defaultGoals(int theme) {
    return visitGoals().stream()
        .filter(g -> g.themeNumber() == theme)
        .map(VisitGoal::goalJa)
        .toList();
  }

  public Set<String> declineReasonCodes() {
    return codes(declineReasons());
  }

  public Set<String> followUpCodes() {
    return codes(followUps());
  }

  public Set<Integer> themeNumbers() {
    return reference.themeNumbers();
  }

  /** Every code of the profile that the reference data does not know, named by field. */
  public List<Problem.Violation> check(String prefix, SmeProfile profile) {
    List<Problem.Violation> violations = new ArrayList<>();
    if (!codes(reference.industries()).contains(profile.industry())) {
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
        && !codes(reference.formats()).contains(profile.preferredFormat())) {
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

  @SuppressWarnings("unchecked")
  private List<ReferenceData.Coded> coded(String table) {
    List<Object[]> rows =
        em.createNativeQuery("SELECT code, name_ja, name_en FROM " + table + " ORDER BY position")
            .getResultList();
    return rows.stream()
        .map(r -> new ReferenceData.Coded((String) r[0], (String) r[1], (String) r[2]))
        .toList();
  }

  private static Set<String> codes(List<ReferenceData.Coded> list) {
    Set<String> codes = new HashSet<>();
    list.forEach(c -> codes.add(c.code()));
    return codes;
  }
}
