package jp.riss.deemedattendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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

  /** A page position of {@code /me/applications}: after (createdAt, id), newest first. */
  public record Position(String at, String id) {}

  public record Slice(List<Application> items, Position next) {}

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

  public Slice mine(String subject, int limit, Position after) {
    var query =
        after == null
            ? em.createQuery(
                "SELECT a FROM Application a WHERE a.specialistSubject = :subject"
                    + " ORDER BY a.createdAt DESC, a.id DESC",
                Application.class)
            : em.createQuery(
                    "SELECT a FROM Application a WHERE a.specialistSubject = :subject"
                        + " AND (a.createdAt < :at OR (a.createdAt = :at AND a.id < :id))"
                        + " ORDER BY a.createdAt DESC, a.id DESC",
                    Application.class)
                .setParameter("at", at(after))
                .setParameter("id", id(after));
    List<Application> rows =
        query.setParameter("subject", subject).setMaxResults(limit + 1).getResultList();
    if (rows.size() <= limit) {
      return new Slice(rows, null);
    }
    Application last = rows.get(limit - 1);
    return new Slice(
        rows.subList(0, limit),
        new Position(last.createdAt.toInstant().toString(), last.id.toString()));
  }

  private static OffsetDateTime at(Position p) {
    try {
      return Instant.parse(p.at()).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException | NullPointerException e) {
      throw ProblemException.badRequest("cursor", "is not a cursor this API issued");
    }
  }

  private static UUID id(Position p) {
    try {
      return UUID.fromString(p.id());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ProblemException.badRequest("cursor", "is not a cursor this API issued");
    }
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
