package jp.riss.guide.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Preconditions;

/**
 * IPA's editors draft new instrument versions (with their placement rule) and publish them. A draft
 * changes freely (with If-Match); a published version never changes. A new version of an instrument
 * that already has a published one must map its items onto a published version, so diagnoses on the
 * two can be compared.
 */
@ApplicationScoped
public class InstrumentEditing {

  @Inject Instruments instruments;
  @Inject Clock clock;

  @Transactional
  public Instruments.Stored draft(String code, Instrument doc, String by) {
    checkCode(code);
    check(code, doc);
    if (instruments.stored(code, doc.version()).isPresent()) {
      throw ProblemException.conflict(
          "instrument-version-exists",
          "Version exists",
          "Instrument " + code + " already has version " + doc.version() + ".");
    }
    instruments.insert(withCode(code, doc), Instruments.DRAFT, OffsetDateTime.now(clock), by);
    return instruments.stored(code, doc.version()).orElseThrow();
  }

  @Transactional
  public Instruments.Stored replace(
      String code, String version, String ifMatch, Instrument doc, String by) {
    Instruments.Stored current = draftOf(code, version, ifMatch);
    check(code, doc);
    if (!version.equals(doc.version())) {
      throw ProblemException.badRequest("version", "must be " + version + " (the path's)");
    }
    instruments.replaceDraft(withCode(code, doc), current.revision() + 1, by);
    return instruments.stored(code, version).orElseThrow();
  }

  @Transactional
  public Instruments.Stored publish(String code, String version, String ifMatch, String by) {
    Instruments.Stored current = draftOf(code, version, ifMatch);
    instruments.publish(code, version, current.revision() + 1, OffsetDateTime.now(clock), by);
    return instruments.stored(code, version).orElseThrow();
  }

  private Instruments.Stored draftOf(String code, String version, String ifMatch) {
    checkCode(code);
    Instruments.Stored current =
        (InstrumentRules.CODE.matcher(version).matches()
                ? instruments.storedForUpdate(code, version)
                : java.util.Optional.<Instruments.Stored>empty())
            .orElseThrow(
                () -> ProblemException.notFound("instrument " + code + " version " + version));
    if (!Instruments.DRAFT.equals(current.state())) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "instrument-version-published",
                  "Version published",
                  "A published instrument version never changes; draft a new version.")
              .with("state", current.state()));
    }
    Preconditions.requireIfMatch(ifMatch, current.revision());
    return current;
  }

  private void check(String code, Instrument doc) {
    Instrument previous =
        doc.previous() == null || doc.previous().version() == null
            ? null
            : instruments.usable(code, doc.previous().version()).orElse(null);
    List<Problem.Violation> v = new ArrayList<>(InstrumentRules.check(doc, previous));
    if (doc.code() != null && !doc.code().equals(code)) {
      v.add(new Problem.Violation("code", "must be " + code + " (the path's) or absent"));
    }
    if (doc.previous() == null && instruments.hasPublished(code)) {
      v.add(
          new Problem.Violation(
              "previous", "is required: map the items onto a published version of " + code));
    }
    if (!v.isEmpty()) {
      throw new ProblemException(Problems.validation(v));
    }
  }

  private static void checkCode(String code) {
    if (code == null || !InstrumentRules.CODE.matcher(code).matches()) {
      throw ProblemException.badRequest(
          "code", "must be an instrument code such as sme-self-check");
    }
  }

  private static Instrument withCode(String code, Instrument d) {
    return new Instrument(
        d.about(),
        code,
        d.version(),
        d.title(),
        d.parts(),
        d.scale(),
        d.facts(),
        d.bands(),
        d.items(),
        d.placement(),
        d.previous());
  }
}
