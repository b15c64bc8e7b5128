package jp.riss.deemedattendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jp.riss.deemedattendance.cycle.Cycle;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.example.DescriptionSimilarity;
import jp.riss.deemedattendance.example.Examples;
import jp.riss.deemedattendance.example.Texts;
import jp.riss.deemedattendance.syllabus.SyllabusItem;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;

/**
 * The field rules of an experience entry: every field checked at once (one 400 naming each field at
 * fault), then the check against copying the published examples (422), then the values copied in.
 */
@ApplicationScoped
public class EntryFields {

  public static final int MAX_ITEMS = 30;
  public static final int DESCRIPTION_MIN = 200;
  public static final int DESCRIPTION_MAX = 4000;
  private static final Pattern ITEM_CODE = Pattern.compile("[0-9]{1,2}-[0-9]{1,2}");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  @Inject Clock clock;
  @Inject EntityManager em;
  @Inject Examples examples;

  /** Checks every field (400 naming each one at fault), then the example-copy check (422). */
  void apply(Application application, ExperienceEntry entry, EntryInput in) {
    List<Problem.Violation> v = new ArrayList<>();
    List<String> items = items(v, in.syllabusItems());
    String title = Texts.text(v, "title", in.title(), 1, 200);
    String description =
        Texts.text(v, "description", in.description(), DESCRIPTION_MIN, DESCRIPTION_MAX);
    period(v, application.cycle, in.periodFrom(), in.periodTo());
    String organisation = Texts.text(v, "organisationName", in.organisationName(), 1, 200);
    String corporateNumber = corporateNumber(v, in.corporateNumber());
    String role = Texts.text(v, "applicantRole", in.applicantRole(), 1, 200);
    String certifierName = Texts.text(v, "certifierName", in.certifierName(), 1, 100);
    String certifierTitle = Texts.text(v, "certifierTitle", in.certifierTitle(), 1, 100);
    String certifierEmail = email(v, in.certifierEmail());
    CertifierRelation relation = relation(v, in.certifierRelation());
    if (!v.isEmpty()) {
      throw new ProblemException(Problems.validation(v));
    }
    examples.refuseCopies("description", description);
    entry.syllabusItems.clear();
    entry.syllabusItems.addAll(items);
    entry.title = title;
    entry.description = description;
    entry.descriptionKey = DescriptionSimilarity.key(description);
    entry.periodFrom = in.periodFrom();
    entry.periodTo = in.periodTo();
    entry.organisationName = organisation;
    entry.corporateNumber = corporateNumber;
    entry.applicantRole = role;
    entry.certifierName = certifierName;
    entry.certifierTitle = certifierTitle;
    entry.certifierEmail = certifierEmail;
    entry.certifierRelation = relation;
  }

  private static CertifierRelation relation(List<Problem.Violation> v, String value) {
    if (value == null) {
      v.add(new Problem.Violation("certifierRelation", "is required"));
      return null;
    }
    try {
      return CertifierRelation.valueOf(value);
    } catch (IllegalArgumentException e) {
      v.add(new Problem.Violation("certifierRelation", "must be EMPLOYER or CLIENT"));
      return null;
    }
  }

  private List<String> items(List<Problem.Violation> v, List<String> codes) {
    if (codes == null) {
      v.add(new Problem.Violation("syllabusItems", "is required"));
      return List.of();
    }
    if (codes.isEmpty() || codes.size() > MAX_ITEMS) {
      v.add(new Problem.Violation("syllabusItems", "must name 1 to " + MAX_ITEMS + " sub-items"));
      return List.of();
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      String field = "syllabusItems[" + i + "]";
      if (code == null || !ITEM_CODE.matcher(code).matches()) {
        v.add(new Problem.Violation(field, "must be a sub-item code such as 1-2"));
      } else if (em.find(SyllabusItem.class, code) == null) {
        v.add(new Problem.Violation(field, "is not a sub-item of the syllabus"));
      } else if (!seen.add(code)) {
        v.add(new Problem.Violation(field, "is named twice"));
      }
    }
    return codes;
  }

  private void period(List<Problem.Violation> v, Cycle cycle, LocalDate from, LocalDate to) {
    LocalDate latest = RenewalCalendar.today(clock);
    if (cycle.expiresOn.isBefore(latest)) {
      latest = cycle.expiresOn;
    }
    if (from == null) {
      v.add(new Problem.Violation("periodFrom", "is required"));
    } else if (from.isBefore(cycle.startsOn) || from.isAfter(cycle.expiresOn)) {
      v.add(
          new Problem.Violation(
              "periodFrom",
              "must be inside the cycle (" + cycle.startsOn + " to " + cycle.expiresOn + ")"));
    }
    if (to == null) {
      v.add(new Problem.Violation("periodTo", "is required"));
    } else if (to.isBefore(cycle.startsOn) || to.isAfter(cycle.expiresOn)) {
      v.add(
          new Problem.Violation(
              "periodTo",
              "must be inside the cycle (" + cycle.startsOn + " to " + cycle.expiresOn + ")"));
    } else if (to.isAfter(latest)) {
      v.add(new Problem.Violation("periodTo", "must not be in the future"));
    } else if (from != null && to.isBefore(from)) {
      v.add(new Problem.Violation("periodTo", "must not be before periodFrom"));
    }
  }

  private static String corporateNumber(List<Problem.Violation> v, String value) {
    if (value == null) {
      v.add(new Problem.Violation("corporateNumber", "is required"));
      return null;
    }
    if (!value.matches("[0-9]{13}")) {
      v.add(new Problem.Violation("corporateNumber", "must be 13 digits (法人番号)"));
      return null;
    }
    if (!CorporateNumber.isValid(value)) {
      v.add(new Problem.Violation("corporateNumber", "has a wrong check digit"));
      return null;
    }
    return value;
  }

  private static String email(List<Problem.Violation> v, String value) {
    if (value == null) {
      v.add(new Problem.Violation("certifierEmail", "is required"));
      return null;
    }
    if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
      v.add(new Problem.Violation("certifierEmail", "must be an e-mail address"));
      return null;
    }
    return value;
  }
}
