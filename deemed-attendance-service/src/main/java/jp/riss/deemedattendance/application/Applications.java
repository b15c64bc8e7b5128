package jp.riss.deemedattendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import jp.riss.deemedattendance.cycle.Cycle;
import jp.riss.deemedattendance.cycle.CycleStatus;
import jp.riss.deemedattendance.cycle.Cycles;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.requirement.RequirementKinds;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Keyset;

/**
 * Drafting deemed-attendance applications: a specialist's own only (anyone else's is "not found"),
 * for a substitutable, not yet done requirement of their current cycle before its renewal due date.
 * Their experience entries are {@link ExperienceEntries}' job.
 */
@ApplicationScoped
public class Applications {

  @Inject Clock clock;

  @Inject EntityManager em;
  @Inject Cycles cycles;
  @Inject RequirementKinds kinds;

  @Transactional
  public Application create(String subject, NewApplication body) {
    String code = body.requirementKind();
    if (code == null) {
      throw ProblemException.badRequest("requirementKind", "is required");
    }
    if (code.length() > 40 || kinds.find(code).isEmpty()) {
      throw ProblemException.badRequest(
          "requirementKind", "must be a requirement kind code such as practical-course");
    }
    LocalDate today = RenewalCalendar.today(clock);
    Cycle cycle =
        cycles
            .registrationOf(subject)
            .flatMap(r -> cycles.current(r.registrationNumber, today))
            .orElseThrow(
                () ->
                    conflict(
                        "no-current-cycle",
                        "No current cycle",
                        "You have no current registration cycle to apply for.",
                        null));
    CycleStatus.RequirementStatus requirement =
        cycles.status(cycle, today).requirements().stream()
            .filter(r -> r.kind().equals(code))
            .findFirst()
            .orElseThrow();
    if (!requirement.substitutable()) {
      throw conflict(
          "requirement-not-substitutable",
          "Requirement not substitutable",
          "Practical work cannot count instead of the " + requirement.name() + ".",
          "requirementKind");
    }
    refuseIfDone(requirement);
    if (today.isAfter(cycle.renewalDueOn)) {
      throw conflict(
          "renewal-due-date-passed",
          "Renewal due date passed",
          "The renewal due date of your current cycle (" + cycle.renewalDueOn + ") has passed.",
          null);
    }
    List<Application> drafts =
        em.createQuery(
                "SELECT a FROM Application a WHERE a.cycle = :cycle AND a.requirementKind = :kind"
                    + " AND a.status = :status",
                Application.class)
            .setParameter("cycle", cycle)
            .setParameter("kind", code)
            .setParameter("status", ApplicationStatus.DRAFT)
            .getResultList();
    if (!drafts.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "application-exists",
                  "Application exists",
                  "You already have a draft application for this requirement of this cycle.")
              .with("applicationId", drafts.get(0).id));
    }
    Application application = new Application();
    application.id = UUID.randomUUID();
    application.cycle = cycle;
    application.requirementKind = code;
    application.specialistSubject = subject;
    application.status = ApplicationStatus.DRAFT;
    application.createdAt = now();
    application.updatedAt = application.createdAt;
    em.persist(application);
    em.flush();
    return application;
  }

  /**
   * A requirement already done, by a course or by an approved application (the one fulfilment rule
   * of {@link Cycles#status}), takes no further application: 409 {@code requirement-done}.
   */
  public void refuseIfDone(Cycle cycle, String kind, LocalDate today) {
    cycles.status(cycle, today).requirements().stream()
        .filter(r -> r.kind().equals(kind))
        .findFirst()
        .ifPresent(Applications::refuseIfDone);
  }

  private static void refuseIfDone(CycleStatus.RequirementStatus requirement) {
    if (requirement.done()) {
      boolean byApplication =
          requirement.periods().stream()
              .anyMatch(p -> p.fulfilledBy() == CycleStatus.FulfilledBy.DEEMED_ATTENDANCE);
      throw conflict(
          "requirement-done",
          "Requirement already done",
          "The "
              + requirement.name()
              + " of your current cycle is already done"
              + (byApplication ? " by an approved deemed-attendance application." : "."),
          "requirementKind");
    }
  }

  /** The caller's application, or 404 (also for anyone else's). */
  public Application owned(UUID id, String subject) {
    Application application = em.find(Application.class, id);
    if (application == null || !application.isOwnedBy(subject)) {
      throw ProblemException.notFound("application " + id);
    }
    return application;
  }

  @Transactional
  public void delete(UUID id, String subject) {
    Application application = owned(id, subject);
    if (application.status != ApplicationStatus.DRAFT) {
      throw conflict(
          "not-a-draft", "Not a draft", "Only a draft application can be deleted.", null);
    }
    em.remove(application);
  }

  /** A page of {@code /me/applications}, newest first. */
  public Keyset.Page<Application> mine(String subject, int limit, Keyset after) {
    var query =
        em.createQuery(
                "SELECT a FROM Application a WHERE a.specialistSubject = :subject"
                    + Keyset.Order.NEWEST_FIRST.continuing(after, "a.createdAt", "a.id"),
                Application.class)
            .setParameter("subject", subject);
    return Keyset.page(query, after, limit, a -> a.createdAt, a -> a.id);
  }

  static ProblemException conflict(String slug, String title, String detail, String field) {
    Problem problem = Problem.of(409, slug, title, detail);
    if (field != null) {
      problem = problem.withViolations(List.of(new Problem.Violation(field, detail)));
    }
    return new ProblemException(problem);
  }

  OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
