package jp.riss.guide.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import jp.riss.guide.closers.ClosersQuery;
import jp.riss.guide.closers.GapCloserMap;
import jp.riss.guide.closers.GapClosers;
import jp.riss.guide.organisation.Actor;
import jp.riss.guide.organisation.Organisation;
import jp.riss.guide.organisation.Organisations;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.Keyset;

/**
 * Diagnoses: answers are checked, scored and placed against one instrument version and its
 * placement rule, stored once and never changed. Completion writes {@code guide.diagnosis.v1} in
 * the same transaction when the organisation allows statistics.
 */
@ApplicationScoped
public class Diagnoses {

  private static final Pattern CODE = InstrumentRules.CODE;

  @Inject Organisations organisations;
  @Inject Instruments instruments;
  @Inject DiagnosisStore store;
  @Inject GapClosers closers;
  @Inject GapCloserMap gapThemes;
  @Inject Outbox outbox;
  @Inject EventSource events;
  @Inject Clock clock;

  /** The gaps of a diagnosis with their closers. */
  public record Gaps(UUID diagnosisId, int placedStep, List<DiagnosisGap> items) {}

  @Transactional
  public Diagnosis submit(String organisationId, Submission s, Actor actor) {
    Organisation org = organisations.accessible(Ids.uuid("id", organisationId), actor, true);
    Instrument instrument = instrument(s);
    List<Problem.Violation> violations = SubmissionRules.check(instrument, s);
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    Map<String, String> answers = s.answers();
    Assessment assessment =
        Assessment.of(instrument, answers, org.concurrentStaff(), org.dedicatedStaff());
    Optional<DiagnosisStore.Latest> previous = store.latest(org.id());
    OffsetDateTime now = OffsetDateTime.now(clock);
    Diagnosis d =
        new Diagnosis(
            UUID.randomUUID(),
            org.id(),
            instrument.code(),
            instrument.version(),
            instrument.placement().version(),
            answers,
            s.facts() == null ? List.of() : List.copyOf(s.facts()),
            org.prefecture(),
            org.jsicDivision(),
            org.employeeBand(),
            org.concurrentStaff(),
            org.dedicatedStaff(),
            assessment,
            previous.map(DiagnosisStore.Latest::id).orElse(null),
            previous.map(p -> assessment.placedStep() < p.placedStep()).orElse(false),
            actor.subject(),
            actor.role(),
            now);
    store.insert(d);
    organisations.recordAct(org.id(), actor, "diagnosis-completed", d.id().toString());
    if (org.statisticsConsent()) {
      outbox.append(
          DiagnosisCompleted.TOPIC,
          d.id().toString(),
          events.create(
              DiagnosisCompleted.TYPE,
              d.id().toString(),
              DiagnosisCompleted.SCHEMA,
              completed(d, previous.isPresent())));
    }
    return d;
  }

  /** A page of an organisation's diagnoses, oldest first. */
  @Transactional
  public Keyset.Page<DiagnosisView.Summary> list(
      String organisationId, Actor actor, Keyset after, int limit) {
    Organisation org = organisations.accessible(organisationId, actor);
    return Keyset.page(
            store.ofOrganisation(org.id(), after, limit + 1),
            limit,
            Diagnosis::completedAt,
            Diagnosis::id)
        .map(DiagnosisView::summary);
  }

  @Transactional
  public Diagnosis get(String id, Actor actor) {
    return visible(id, actor);
  }

  /** The gaps with their closers: each from the closers, for the organisation's prefecture. */
  @Transactional
  public Gaps gaps(String id, Actor actor, String lang) {
    DiagnosisStore.GapsOf d =
        visible(id, actor, store::gapsOf, DiagnosisStore.GapsOf::organisationId);
    Instrument instrument = stored(d.instrumentCode(), d.instrumentVersion());
    GapClosers.Guide guide = closers.current();
    Set<String> languages = new HashSet<>();
    return new Gaps(
        d.id(),
        d.placedStep(),
        d.gaps().stream()
            .map(
                gap ->
                    DiagnosisGap.of(
                        gap,
                        new ClosersQuery(gap.gapCode(), gap.step(), d.prefecture(), d.seed())
                            .link(),
                        closers.of(
                            guide,
                            new GapClosers.Gap(
                                gap.gapCode(),
                                gap.step(),
                                instrument
                                    .item(gap.itemId())
                                    .map(Instrument.Item::measureKeys)
                                    .orElse(List.of())),
                            d.prefecture(),
                            d.seed(),
                            lang,
                            languages)))
            .toList());
  }

  @Transactional
  public Comparison comparison(String id, Actor actor) {
    Diagnosis d = visible(id, actor);
    if (d.previousId() == null) {
      return Comparison.first(d);
    }
    Diagnosis before = store.find(d.previousId()).orElseThrow();
    return Comparison.of(
        d,
        stored(d.instrumentCode(), d.instrumentVersion()),
        before,
        stored(before.instrumentCode(), before.instrumentVersion()));
  }

  /** A diagnosis of the organisation (whose access the caller has checked), if it is one. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Diagnosis> ofOrganisation(UUID organisation, UUID diagnosis) {
    return store.find(diagnosis).filter(d -> d.organisationId().equals(organisation));
  }

  /** Every diagnosis of the organisation (whose access the caller has checked), oldest first. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Diagnosis> allOf(UUID organisation) {
    return store.ofOrganisation(organisation, null, 10_000);
  }

  /** The diagnosis if the actor may act for its organisation now, else 404. */
  private Diagnosis visible(String id, Actor actor) {
    return visible(id, actor, store::find, Diagnosis::organisationId);
  }

  /** As {@link #visible(String, Actor)}, reading what {@code read} reads of the diagnosis. */
  private <T> T visible(
      String id, Actor actor, Function<UUID, Optional<T>> read, Function<T, UUID> organisation) {
    UUID diagnosisId = Ids.uuid("id", id);
    T d =
        read.apply(diagnosisId)
            .orElseThrow(() -> ProblemException.notFound("diagnosis " + diagnosisId));
    try {
      organisations.accessible(organisation.apply(d), actor, false);
    } catch (ProblemException e) {
      throw ProblemException.notFound("diagnosis " + diagnosisId);
    }
    return d;
  }

  private Instrument instrument(Submission s) {
    List<Problem.Violation> v = new ArrayList<>();
    if (s.instrument() == null || !CODE.matcher(s.instrument()).matches()) {
      v.add(
          new Problem.Violation("instrument", "must be an instrument code such as sme-self-check"));
    }
    if (s.instrumentVersion() == null || !CODE.matcher(s.instrumentVersion()).matches()) {
      v.add(new Problem.Violation("instrumentVersion", "must be a version such as 2025-1"));
    }
    if (v.isEmpty()) {
      Optional<Instrument> found = instruments.usable(s.instrument(), s.instrumentVersion());
      if (found.isPresent()) {
        return found.get();
      }
      v.add(
          new Problem.Violation(
              "instrumentVersion", "names no published version of instrument " + s.instrument()));
    }
    // The answers cannot be checked without their version; name what else is wrong with them.
    if (s.answers() == null) {
      v.add(new Problem.Violation("answers", "is required: one answer per item"));
    }
    throw new ProblemException(Problems.validation(v));
  }

  private Instrument stored(String code, String version) {
    return instruments.find(code, version).orElseThrow();
  }

  private DiagnosisCompleted completed(Diagnosis d, boolean repeat) {
    Map<String, List<Integer>> themes = gapThemes.themesByGap();
    return new DiagnosisCompleted(
        d.id(),
        d.completedAt(),
        d.instrumentCode(),
        d.instrumentVersion(),
        d.placementVersion(),
        d.assessment().placedStep(),
        d.prefecture(),
        d.jsicDivision(),
        d.employeeBand(),
        d.assessment().band(),
        d.assessment().gaps().stream()
            .map(
                g ->
                    new DiagnosisCompleted.Gap(
                        g.gapCode(), g.step(), themes.getOrDefault(g.gapCode(), List.of())))
            .toList(),
        repeat);
  }
}
