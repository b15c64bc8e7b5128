package jp.riss.guide.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.riss.guide.diagnosis.Diagnoses;
import jp.riss.guide.diagnosis.Diagnosis;
import jp.riss.guide.organisation.Actor;
import jp.riss.guide.organisation.Organisation;
import jp.riss.guide.organisation.Organisations;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Ids;

/**
 * Action plans (Plan) and their actions (Do): chosen gaps of one of the organisation's diagnoses,
 * actions with owner and due date, marked done when done. Overdue means not done and due before
 * today in Japan, as the service's clock says.
 */
@ApplicationScoped
public class Plans {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  static final int MAX_GAPS = 50;
  static final int MAX_ACTIONS = 50;
  static final int DESCRIPTION_MAX = 500;
  static final int OWNER_MAX = 100;

  @Inject Organisations organisations;
  @Inject Diagnoses diagnoses;
  @Inject PlanStore store;
  @Inject Clock clock;

  /** Open actions past their due date, most overdue first. */
  public record Overdue(LocalDate today, List<Plan.Action> items) {}

  /** An organisation's plans, oldest first. */
  public record PlanList(List<Plan> items) {}

  @Transactional
  public Plan create(String organisationId, PlanRequest request, Actor actor) {
    Organisation org = organisations.accessible(Ids.uuid("id", organisationId), actor, true);
    List<Problem.Violation> v = new ArrayList<>();
    Diagnosis diagnosis = null;
    UUID diagnosisId = null;
    try {
      diagnosisId = Ids.uuid("diagnosisId", request.diagnosisId());
    } catch (ProblemException e) {
      v.add(
          new Problem.Violation(
              "diagnosisId", "must be the UUID of one of the organisation's diagnoses"));
    }
    if (diagnosisId != null) {
      diagnosis = diagnoses.ofOrganisation(org.id(), diagnosisId).orElse(null);
      if (diagnosis == null) {
        v.add(new Problem.Violation("diagnosisId", "names no diagnosis of this organisation"));
      }
    }
    Set<String> gapCodes = new HashSet<>();
    if (diagnosis != null) {
      diagnosis.assessment().gaps().forEach(g -> gapCodes.add(g.gapCode()));
    }
    List<String> gaps = request.gaps() == null ? List.of() : request.gaps();
    Set<String> chosen = new HashSet<>();
    if (gaps.isEmpty() || gaps.size() > MAX_GAPS) {
      v.add(
          new Problem.Violation("gaps", "must choose 1 to " + MAX_GAPS + " gaps of the diagnosis"));
    } else {
      for (int i = 0; i < gaps.size(); i++) {
        String g = gaps.get(i);
        if (diagnosis != null && (g == null || !gapCodes.contains(g))) {
          v.add(new Problem.Violation("gaps[" + i + "]", "is not a gap of the diagnosis"));
        } else if (g != null && !chosen.add(g)) {
          v.add(new Problem.Violation("gaps[" + i + "]", "is chosen twice"));
        }
      }
    }
    List<PlanRequest.Action> requested = request.actions() == null ? List.of() : request.actions();
    List<Plan.Action> actions = new ArrayList<>();
    UUID planId = UUID.randomUUID();
    if (requested.isEmpty() || requested.size() > MAX_ACTIONS) {
      v.add(new Problem.Violation("actions", "must have 1 to " + MAX_ACTIONS + " actions"));
    } else {
      for (int i = 0; i < requested.size(); i++) {
        PlanRequest.Action a = requested.get(i);
        String at = "actions[" + i + "]";
        if (a == null) {
          v.add(new Problem.Violation(at, "is required"));
          continue;
        }
        text(v, at + ".description", a.description(), DESCRIPTION_MAX);
        text(v, at + ".owner", a.owner(), OWNER_MAX);
        if (a.gapCode() != null && !chosen.contains(a.gapCode())) {
          v.add(new Problem.Violation(at + ".gapCode", "must be one of the plan's gaps"));
        }
        LocalDate due = date(v, at + ".dueOn", a.dueOn());
        actions.add(
            new Plan.Action(
                UUID.randomUUID(),
                planId,
                a.description(),
                a.gapCode(),
                a.owner(),
                due,
                null,
                null,
                null));
      }
    }
    if (!v.isEmpty()) {
      throw new ProblemException(Problems.validation(v));
    }
    Plan plan =
        new Plan(
            planId,
            org.id(),
            diagnosisId,
            List.copyOf(gaps),
            actions,
            OffsetDateTime.now(clock),
            actor.subject(),
            actor.role());
    store.insert(plan);
    organisations.recordAct(org.id(), actor, "plan-created", planId.toString());
    return plan;
  }

  @Transactional
  public PlanList list(String organisationId, Actor actor) {
    Organisation org = organisations.accessible(organisationId, actor);
    return new PlanList(store.ofOrganisation(org.id()));
  }

  @Transactional
  public Plan get(String planId, Actor actor) {
    return visible(planId, actor);
  }

  /** Marks an action done (on {@code doneOn}, default today in Japan; never in the future). */
  @Transactional
  public Plan done(String planId, String actionId, String doneOn, Actor actor) {
    Plan plan = visible(planId, actor);
    UUID action = Ids.uuid("actionId", actionId);
    if (plan.actions().stream().noneMatch(a -> a.id().equals(action))) {
      throw ProblemException.notFound("action " + action);
    }
    LocalDate today = today();
    LocalDate on = today;
    if (doneOn != null) {
      List<Problem.Violation> v = new ArrayList<>();
      on = date(v, "doneOn", doneOn);
      if (v.isEmpty() && on.isAfter(today)) {
        v.add(new Problem.Violation("doneOn", "must not be after today (" + today + ")"));
      }
      if (!v.isEmpty()) {
        throw new ProblemException(Problems.validation(v));
      }
    }
    if (!store.markDone(plan.id(), action, on, actor.subject(), actor.role())) {
      throw ProblemException.conflict(
          "action-done", "Action done", "The action was marked done before.");
    }
    organisations.recordAct(plan.organisationId(), actor, "action-done", action.toString());
    return store.find(plan.id()).orElseThrow();
  }

  @Transactional
  public Overdue overdue(String organisationId, Actor actor) {
    Organisation org = organisations.accessible(organisationId, actor);
    LocalDate today = today();
    List<Plan.Action> items =
        store.ofOrganisation(org.id()).stream()
            .flatMap(p -> p.actions().stream())
            .filter(a -> a.doneOn() == null && a.dueOn().isBefore(today))
            .sorted(java.util.Comparator.comparing(Plan.Action::dueOn))
            .toList();
    return new Overdue(today, items);
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(JAPAN));
  }

  private Plan visible(String planId, Actor actor) {
    UUID id = Ids.uuid("id", planId);
    Optional<Plan> plan = store.find(id);
    try {
      plan.ifPresent(p -> organisations.accessible(p.organisationId(), actor, false));
    } catch (ProblemException e) {
      plan = Optional.empty();
    }
    return plan.orElseThrow(() -> ProblemException.notFound("action plan " + id));
  }

  private static void text(List<Problem.Violation> v, String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      v.add(new Problem.Violation(field, "must be 1 to " + max + " characters, not blank"));
    }
  }

  private static LocalDate date(List<Problem.Violation> v, String field, String value) {
    try {
      if (value != null && value.length() == 10) {
        return LocalDate.parse(value);
      }
    } catch (DateTimeParseException e) {
      // named below
    }
    v.add(new Problem.Violation(field, "must be a date such as 2026-04-01"));
    return null;
  }
}
