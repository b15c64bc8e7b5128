package jp.riss.guide.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.guide.diagnosis.Diagnoses;
import jp.riss.guide.diagnosis.Diagnosis;
import jp.riss.guide.diagnosis.DiagnosisView;
import jp.riss.guide.organisation.Actor;
import jp.riss.guide.organisation.Organisation;
import jp.riss.guide.organisation.Organisations;

/**
 * An organisation's PDCA history in one read: diagnoses (Check) and the Steps over time, plans
 * (Plan), what was done (Do), each diagnosis's move against the previous one (Act), and when the
 * next diagnosis is due.
 */
@ApplicationScoped
public class OrganisationHistory {

  @Inject Organisations organisations;
  @Inject Diagnoses diagnoses;
  @Inject PlanStore plans;
  @Inject RediagnosisReminders reminders;

  /** The Step a diagnosis placed the organisation in, and whether that was up or down. */
  public record StepPoint(
      UUID diagnosisId, OffsetDateTime completedAt, int placedStep, String move) {}

  public record History(
      UUID organisationId,
      List<DiagnosisView.Summary> diagnoses,
      List<StepPoint> steps,
      List<Plan> plans,
      List<Plan.Action> done,
      LocalDate rediagnosisDueOn) {}

  @Transactional
  public History of(String organisationId, Actor actor) {
    Organisation org = organisations.accessible(organisationId, actor);
    List<Diagnosis> all = diagnoses.allOf(org.id());
    List<StepPoint> steps = new java.util.ArrayList<>();
    Integer before = null;
    for (Diagnosis d : all) {
      int step = d.assessment().placedStep();
      String move =
          before == null ? "first" : step > before ? "up" : step < before ? "down" : "same";
      steps.add(new StepPoint(d.id(), d.completedAt(), step, move));
      before = step;
    }
    List<Plan> planList = plans.ofOrganisation(org.id());
    List<Plan.Action> done =
        planList.stream()
            .flatMap(p -> p.actions().stream())
            .filter(a -> a.doneOn() != null)
            .sorted(java.util.Comparator.comparing(Plan.Action::doneOn))
            .toList();
    return new History(
        org.id(),
        all.stream().map(DiagnosisView::summary).toList(),
        steps,
        planList,
        done,
        all.isEmpty() ? null : reminders.dueOn(all.get(all.size() - 1).completedAt()));
  }
}
