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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import jp.riss.deemedattendance.cycle.Cycle;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.declaration.Declarations;
import jp.riss.deemedattendance.declaration.SwornDeclaration;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Preconditions;

/**
 * Submitting an application with the sworn declaration. Each rule broken is its own 422 problem
 * naming the field or entry at fault, checked in a fixed order (the first broken one answers).
 */
@ApplicationScoped
public class Submissions {

  @Inject Clock clock;

  @Inject EntityManager em;
  @Inject Applications applications;
  @Inject Declarations declarations;
  @Inject Outbox outbox;
  @Inject EventSource events;

  @Transactional
  public Application submit(UUID id, String subject, String ifMatch, NewSubmission body) {
    Application application = applications.owned(id, subject);
    Preconditions.requireIfMatch(ifMatch, application.version);
    if (!application.status.isAmendable()) {
      throw ProblemException.conflict(
          "not-a-draft", "Not a draft", "The application has already been submitted.");
    }
    String version = body == null ? null : body.declarationVersion();
    if (version == null || version.isBlank()) {
      throw ProblemException.badRequest("declarationVersion", "is required");
    }
    Cycle cycle = application.cycle;
    LocalDate today = RenewalCalendar.today(clock);
    if (today.isAfter(cycle.renewalDueOn)) {
      throw rule(
          "submission-after-due-date",
          "Renewal due date passed",
          "Applications must be submitted by the renewal due date (" + cycle.renewalDueOn + ").",
          "renewalDueOn",
          null);
    }
    // Another application of the cycle approved meanwhile: this one would cover nothing.
    applications.refuseIfDone(cycle, application.requirementKind, today);
    List<ExperienceEntry> entries = application.entries;
    if (entries.isEmpty()) {
      throw rule(
          "submission-without-entries",
          "No entries",
          "An application needs at least one experience entry.",
          "entries",
          null);
    }
    for (int i = 0; i < entries.size(); i++) {
      ExperienceEntry e = entries.get(i);
      if (e.status != EntryStatus.ATTESTED) {
        throw rule(
            "entry-not-attested",
            "Entry not attested",
            "Entry \"" + e.title + "\" is " + e.status + "; every entry must be attested.",
            "entries[" + i + "]",
            e.id);
      }
    }
    SwornDeclaration current = declarations.current();
    if (!current.version.equals(version.strip())) {
      throw new ProblemException(
          Problem.of(
                  422,
                  "declaration-not-current",
                  "Declaration not current",
                  "Accept the current sworn declaration (version " + current.version + ").")
              .withViolations(
                  List.of(
                      new Problem.Violation(
                          "declarationVersion", "must be the current version " + current.version)))
              .with("currentDeclarationVersion", current.version));
    }
    Number unshaded =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM experience_entry_item i"
                        + " JOIN experience_entry e ON e.id = i.entry_id"
                        + " JOIN syllabus_item s ON s.code = i.item_code"
                        + " WHERE e.application_id = ?1 AND NOT s.shaded")
                .setParameter(1, application.id)
                .getSingleResult();
    if (unshaded.longValue() == 0) {
      throw rule(
          "only-shaded-items",
          "Only shaded sub-items",
          "At least one entry must match a syllabus sub-item that is not shaded (網掛け).",
          "entries",
          null);
    }
    for (int i = 0; i < entries.size(); i++) {
      ExperienceEntry e = entries.get(i);
      boolean fromInside = !e.periodFrom.isBefore(cycle.startsOn);
      boolean toInside = !e.periodTo.isAfter(cycle.expiresOn);
      if (!fromInside || !toInside) {
        throw rule(
            "period-outside-cycle",
            "Period outside the cycle",
            "Entry \""
                + e.title
                + "\" is not inside the cycle ("
                + cycle.startsOn
                + " to "
                + cycle.expiresOn
                + ").",
            "entries[" + i + "]." + (fromInside ? "periodTo" : "periodFrom"),
            e.id);
      }
    }
    List<Application> open =
        em.createQuery(
                "SELECT a FROM Application a WHERE a.cycle = :cycle AND a.status IN :open"
                    + " AND a.id <> :id",
                Application.class)
            .setParameter("cycle", cycle)
            .setParameter(
                "open",
                List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.MORE_INFORMATION_REQUESTED))
            .setParameter("id", application.id)
            .getResultList();
    if (!open.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  422,
                  "open-application-exists",
                  "Open application exists",
                  "Another application for this cycle is already submitted and not decided.")
              .with("applicationId", open.get(0).id));
    }
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    application.status = ApplicationStatus.SUBMITTED;
    application.submittedAt = now;
    application.declarationVersion = current.version;
    application.declarationAcceptedAt = now;
    application.updatedAt = now;
    em.flush();
    Set<String> items = new TreeSet<>();
    entries.forEach(e -> items.addAll(e.syllabusItems));
    ApplicationSubmitted data =
        new ApplicationSubmitted(
            application.id,
            cycle.registrationNumber,
            application.requirementKind,
            cycle.startsOn,
            cycle.expiresOn,
            cycle.renewalDueOn,
            entries.size(),
            List.copyOf(items),
            application.declarationVersion,
            application.declarationAcceptedAt,
            application.submittedAt,
            application.version);
    outbox.append(
        ApplicationSubmitted.TOPIC,
        application.id.toString(),
        events.create(
            ApplicationSubmitted.TYPE,
            application.id.toString(),
            ApplicationSubmitted.SCHEMA,
            data));
    return application;
  }

  private static ProblemException rule(
      String slug, String title, String detail, String field, UUID entryId) {
    Problem problem =
        Problem.of(422, slug, title, detail)
            .withViolations(List.of(new Problem.Violation(field, detail)));
    if (entryId != null) {
      problem = problem.with("entryId", entryId);
    }
    return new ProblemException(problem);
  }
}
