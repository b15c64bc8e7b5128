package jp.riss.deemedattendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.deemedattendance.cycle.Cycle;
import jp.riss.deemedattendance.cycle.CycleStatus;
import jp.riss.deemedattendance.cycle.Cycles;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.example.DescriptionSimilarity;
import jp.riss.deemedattendance.example.Examples;
import jp.riss.deemedattendance.example.Texts;
import jp.riss.deemedattendance.requirement.RequirementKinds;
import jp.riss.deemedattendance.syllabus.SyllabusItem;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Preconditions;

/**
 * Drafting deemed-attendance applications: a specialist's own only (anyone else's is "not found"),
 * for a substitutable, not yet done requirement of their current cycle before its renewal due date,
 * with experience entries checked field by field and against the published examples.
 */
@ApplicationScoped
public class Applications {

  @Inject Clock clock;

  public static final int MAX_ENTRIES = 20;
  public static final int MAX_ITEMS = 30;
  public static final int DESCRIPTION_MIN = 200;
  public static final int DESCRIPTION_MAX = 4000;
  private static final Pattern ITEM_CODE = Pattern.compile("[0-9]{1,2}-[0-9]{1,2}");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  @Inject EntityManager em;
  @Inject Cycles cycles;
  @Inject RequirementKinds kinds;
  @Inject Examples examples;

  /** A page position of {@code /me/applications}: after (createdAt, id), newest first. */
  public record Position(String at, String id) {}

  public record Slice(List<Application> items, Position next) {}

  // ---------------------------------------------------------------- applications

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

  // ---------------------------------------------------------------- entries

  public ExperienceEntry entry(Application application, UUID entryId) {
    return application.entries.stream()
        .filter(e -> e.id.equals(entryId))
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("entry " + entryId));
  }

  @Transactional
  public ExperienceEntry addEntry(UUID applicationId, String subject, EntryInput input) {
    Application application = owned(applicationId, subject);
    requireAmendable(application);
    ExperienceEntry entry = new ExperienceEntry();
    apply(application, entry, input);
    if (application.entries.size() >= MAX_ENTRIES) {
      throw conflict(
          "too-many-entries",
          "Too many entries",
          "An application has at most " + MAX_ENTRIES + " entries.",
          null);
    }
    entry.id = UUID.randomUUID();
    entry.application = application;
    entry.createdAt = now();
    entry.updatedAt = entry.createdAt;
    // Flagged before the insert, so that a new entry is stored once, at version 0.
    flagSharedDescription(entry, subject);
    application.entries.add(entry);
    application.updatedAt = entry.createdAt;
    em.persist(entry);
    em.flush();
    return entry;
  }

  @Transactional
  public ExperienceEntry replaceEntry(
      UUID applicationId, UUID entryId, String subject, String ifMatch, EntryInput input) {
    Application application = owned(applicationId, subject);
    ExperienceEntry entry = entry(application, entryId);
    Preconditions.requireIfMatch(ifMatch, entry.version);
    requireAmendable(application);
    // Sent back by IPA, even an attested entry may be amended; it then needs a new attestation.
    boolean reopened =
        application.status == ApplicationStatus.MORE_INFORMATION_REQUESTED
            && entry.status == EntryStatus.ATTESTED;
    if (!entry.isEditable() && !reopened) {
      throw conflict(
          "entry-not-editable",
          "Entry not editable",
          "The entry is " + entry.status + "; only DRAFT or DECLINED entries can be changed.",
          null);
    }
    apply(application, entry, input);
    if (reopened) {
      entry.status = EntryStatus.DRAFT;
      entry.attestationRequestedAt = null;
      entry.attestationExpiresAt = null;
      entry.attestationDecidedAt = null;
      entry.attestationComment = null;
      entry.attestedByName = null;
    }
    entry.updatedAt = now();
    application.updatedAt = entry.updatedAt;
    flagSharedDescription(entry, subject);
    em.flush();
    return entry;
  }

  @Transactional
  public void deleteEntry(UUID applicationId, UUID entryId, String subject) {
    Application application = owned(applicationId, subject);
    ExperienceEntry entry = entry(application, entryId);
    requireAmendable(application);
    application.entries.remove(entry);
    application.updatedAt = now();
  }

  /** Checks every field (400 naming each one at fault), then the example-copy check (422). */
  private void apply(Application application, ExperienceEntry entry, EntryInput in) {
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

  /**
   * Flags the entry when another applicant's entry has the same normalised description, and flags
   * theirs too (without touching their version: the flag is IPA's, not part of their draft).
   */
  private void flagSharedDescription(ExperienceEntry entry, String subject) {
    // Native and FlushMode COMMIT: the entry's pending change is flushed once, at the end.
    Number others =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM experience_entry e"
                        + " JOIN application a ON a.id = e.application_id"
                        + " WHERE e.description_key = ?1 AND a.specialist_subject <> ?2")
                .setParameter(1, entry.descriptionKey)
                .setParameter(2, subject)
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
    entry.sharedDescription = others.longValue() > 0;
    if (entry.sharedDescription) {
      em.createNativeQuery(
              "UPDATE experience_entry SET shared_description = true"
                  + " WHERE description_key = ?1 AND NOT shared_description AND application_id IN"
                  + " (SELECT id FROM application WHERE specialist_subject <> ?2)")
          .setParameter(1, entry.descriptionKey)
          .setParameter(2, subject)
          .setFlushMode(FlushModeType.COMMIT)
          .executeUpdate();
    }
  }

  private static void requireAmendable(Application application) {
    if (!application.status.isAmendable()) {
      throw conflict(
          "not-a-draft",
          "Not a draft",
          "Only a draft (or an application IPA sent back for more information) can be changed.",
          null);
    }
  }

  /**
   * Copies a suggested entry into an application the caller may amend, as a normal entry that is
   * still incomplete: replacing it with every field (and every check of a new entry) completes it.
   */
  @Transactional
  public ExperienceEntry addSuggested(
      UUID applicationId,
      String subject,
      UUID suggestionId,
      List<String> items,
      String title,
      String description,
      LocalDate from,
      LocalDate to,
      String organisationName) {
    Application application = owned(applicationId, subject);
    requireAmendable(application);
    if (application.entries.stream().anyMatch(e -> suggestionId.equals(e.suggestionId))) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "suggestion-already-copied",
                  "Suggestion already copied",
                  "This application already has an entry copied from that suggestion.")
              .withViolations(
                  List.of(new Problem.Violation("suggestionId", "is already in the application"))));
    }
    if (application.entries.size() >= MAX_ENTRIES) {
      throw conflict(
          "too-many-entries",
          "Too many entries",
          "An application has at most " + MAX_ENTRIES + " entries.",
          null);
    }
    ExperienceEntry entry = new ExperienceEntry();
    entry.id = UUID.randomUUID();
    entry.application = application;
    entry.suggestionId = suggestionId;
    entry.syllabusItems.addAll(items);
    entry.title = title;
    entry.description = description;
    entry.descriptionKey = DescriptionSimilarity.key(description);
    entry.periodFrom = from;
    entry.periodTo = to;
    // Where the guidance was given is known; who certifies it is the specialist's to say.
    entry.organisationName = organisationName == null ? "（未記入）" : organisationName;
    entry.createdAt = now();
    entry.updatedAt = entry.createdAt;
    application.entries.add(entry);
    application.updatedAt = entry.createdAt;
    em.persist(entry);
    em.flush();
    return entry;
  }

  private static ProblemException conflict(String slug, String title, String detail, String field) {
    Problem problem = Problem.of(409, slug, title, detail);
    if (field != null) {
      problem = problem.withViolations(List.of(new Problem.Violation(field, detail)));
    }
    return new ProblemException(problem);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
