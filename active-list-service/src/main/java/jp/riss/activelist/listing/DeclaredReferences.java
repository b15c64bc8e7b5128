package jp.riss.activelist.listing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.riss.activelist.reference.ReferenceData;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;

/**
 * Checks that every code a specialist declares exists in the reference data the migrations load,
 * naming each unknown one (e.g. {@code selfDeclared.formats[1].format}).
 */
@ApplicationScoped
class DeclaredReferences {

  @Inject ReferenceData reference;

  void check(String prefix, SelfDeclared declared) {
    List<Problem.Violation> violations = new ArrayList<>();
    each(
        violations,
        prefix + "prefectures",
        declared.prefectures(),
        reference.prefectureCodes(),
        "is not a JIS X 0401 prefecture code");
    each(
        violations,
        prefix + "themes",
        declared.themes(),
        reference.themeNumbers(),
        "is not a guidance theme number");
    each(
        violations,
        prefix + "engagementLengths",
        declared.engagementLengths(),
        reference.codes(reference.engagementLengths()),
        "is not an engagement length code");
    each(
        violations,
        prefix + "syllabusItems",
        declared.syllabusItems(),
        reference.syllabusCodes(),
        "is not an exam syllabus sub-item");
    each(
        violations,
        prefix + "industries",
        declared.industries(),
        reference.codes(reference.industries()),
        "is not a JSIC division");
    each(
        violations,
        prefix + "qualifications",
        declared.qualifications(),
        reference.codes(reference.qualifications()),
        "is not a qualification code");
    Set<String> formats = reference.codes(reference.formats());
    List<String> offered = declared.formats().stream().map(SelfDeclared.FormatFee::format).toList();
    for (int i = 0; i < offered.size(); i++) {
      String field = prefix + "formats[" + i + "].format";
      if (!formats.contains(offered.get(i))) {
        violations.add(new Problem.Violation(field, "is not a consultation format code"));
      } else if (offered.indexOf(offered.get(i)) != i) {
        violations.add(new Problem.Violation(field, "is offered twice"));
      }
    }
    Set<Integer> themes = reference.themeNumbers();
    for (int i = 0; i < declared.trackRecords().size(); i++) {
      Integer theme = declared.trackRecords().get(i).theme();
      if (theme != null && !themes.contains(theme)) {
        violations.add(
            new Problem.Violation(
                prefix + "trackRecords[" + i + "].theme", "is not a guidance theme number"));
      }
    }
    SelfDeclared.Affiliation affiliation = declared.affiliation();
    if (affiliation.kind() == SelfDeclared.Affiliation.Kind.COMPANY
        && (affiliation.companyName() == null || affiliation.companyName().isBlank())) {
      violations.add(
          new Problem.Violation(
              prefix + "affiliation.companyName",
              "is required for a company-affiliated specialist"));
    }
    if (affiliation.kind() == SelfDeclared.Affiliation.Kind.INDEPENDENT
        && affiliation.sideWork() != null) {
      violations.add(
          new Problem.Violation(
              prefix + "affiliation.sideWork", "applies to company-affiliated specialists only"));
    }
    SelfDeclared.Availability availability = declared.availability();
    if (availability.until() != null
        && availability.status() == SelfDeclared.Availability.Status.ACCEPTING) {
      violations.add(
          new Problem.Violation(
              prefix + "availability.until", "applies only when not (fully) accepting"));
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
  }

  private static <T> void each(
      List<Problem.Violation> violations,
      String field,
      List<T> values,
      Set<T> known,
      String message) {
    for (int i = 0; i < values.size(); i++) {
      if (!known.contains(values.get(i))) {
        violations.add(new Problem.Violation(field + "[" + i + "]", message));
      }
    }
  }
}
