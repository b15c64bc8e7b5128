package jp.riss.deemedattendance.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.deemedattendance.application.Application;
import jp.riss.deemedattendance.application.ApplicationStatus;
import jp.riss.deemedattendance.application.ApplicationSubmitted;
import jp.riss.deemedattendance.cycle.Cycle;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.example.Texts;
import jp.riss.deemedattendance.registry.RegistryFacts;
import jp.riss.deemedattendance.reminder.Reminders;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Preconditions;

/**
 * IPA's review: the queue of submitted applications by renewal due date, decisions with reasons,
 * and the decision history. Approvals and revocations go to the Active List as events written in
 * the decision's transaction.
 */
@ApplicationScoped
public class Reviews {

  @Inject Clock clock;

  public static final int TEXT_MAX = 4000;

  /** The most reason codes one rejection may name (the contract's maxItems). */
  public static final int MAX_REASONS = 20;

  public static final String FALSE_DECLARATION = "FALSE_DECLARATION";

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject EventSource events;
  @Inject ReviewConfig config;
  @Inject Reminders reminders;
  @Inject RegistryFacts facts;

  /** A queue position: after (renewal due date, submitted at, id). */
  public record Position(String due, String at, String id) {}

  public record Slice(List<Application> items, Position next) {}

  public Slice queue(int limit, Position after) {
    String select =
        "SELECT a FROM Application a JOIN FETCH a.cycle c WHERE a.status = :status"
            + (after == null
                ? ""
                : " AND (c.renewalDueOn > :due OR (c.renewalDueOn = :due AND (a.submittedAt > :at"
                    + " OR (a.submittedAt = :at AND a.id > :id))))")
            + " ORDER BY c.renewalDueOn, a.submittedAt, a.id";
    var query =
        em.createQuery(select, Application.class)
            .setParameter("status", ApplicationStatus.SUBMITTED);
    if (after != null) {
      try {
        query
            .setParameter("due", LocalDate.parse(after.due()))
            .setParameter("at", OffsetDateTime.parse(after.at()))
            .setParameter("id", UUID.fromString(after.id()));
      } catch (RuntimeException e) {
        throw ProblemException.badRequest("cursor", "is not a cursor this API issued");
      }
    }
    List<Application> rows = query.setMaxResults(limit + 1).getResultList();
    if (rows.size() <= limit) {
      return new Slice(rows, null);
    }
    Application last = rows.get(limit - 1);
    return new Slice(
        rows.subList(0, limit),
        new Position(
            last.cycle.renewalDueOn.toString(), last.submittedAt.toString(), last.id.toString()));
  }

  /** Undecided with the renewal due date at most {@code atRiskDays} away (or already past). */
  public boolean atRisk(Application a, LocalDate today) {
    return a.status == ApplicationStatus.SUBMITTED
        && RenewalCalendar.daysUntil(today, a.cycle.renewalDueOn) <= config.atRiskDays();
  }

  public Application find(UUID id) {
    Application application = em.find(Application.class, id);
    if (application == null || application.status == ApplicationStatus.DRAFT) {
      // A draft is the specialist's own business until it is submitted.
      throw ProblemException.notFound("application " + id);
    }
    return application;
  }

  public List<ReviewDecision> history(UUID applicationId) {
    return em.createQuery(
            "SELECT d FROM ReviewDecision d WHERE d.applicationId = :id"
                + " ORDER BY d.decidedAt, d.id",
            ReviewDecision.class)
        .setParameter("id", applicationId)
        .getResultList();
  }

  public Map<String, RejectionReason> reasons() {
    Map<String, RejectionReason> all = new LinkedHashMap<>();
    em.createQuery("SELECT r FROM RejectionReason r ORDER BY r.position", RejectionReason.class)
        .getResultList()
        .forEach(r -> all.put(r.code, r));
    return all;
  }

  @Transactional
  public ReviewDecision decide(UUID id, String reviewer, String ifMatch, NewDecision body) {
    Application application = find(id);
    Preconditions.requireIfMatch(ifMatch, application.version);
    Decision decision = validate(body);
    // Locked, then compared again: of two reviewers deciding at once, the second gets a 412.
    em.refresh(application, LockModeType.PESSIMISTIC_WRITE);
    Preconditions.requireIfMatch(ifMatch, application.version);
    if (application.status != ApplicationStatus.SUBMITTED) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "not-under-review",
                  "Not under review",
                  "The application is " + application.status + "; only SUBMITTED ones are decided.")
              .with("applicationStatus", application.status.name()));
    }
    Cycle cycle = application.cycle;
    LocalDate today = RenewalCalendar.today(clock);
    if (today.isAfter(cycle.renewalDueOn)) {
      String detail =
          "Decisions must be made by the renewal due date ("
              + cycle.renewalDueOn
              + "); after it the specialist renews with the courses instead.";
      throw new ProblemException(
          Problem.of(422, "decision-after-due-date", "Renewal due date passed", detail)
              .withViolations(List.of(new Problem.Violation("renewalDueOn", detail))));
    }
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    ReviewDecision record = new ReviewDecision();
    record.id = UUID.randomUUID();
    record.applicationId = application.id;
    record.decision = decision;
    record.reviewerSubject = reviewer;
    record.decidedAt = now;
    record.comment = blankToNull(body.comment());
    record.message =
        decision == Decision.MORE_INFORMATION_REQUESTED ? body.message().strip() : null;
    if (body.reasonCodes() != null) {
      record.reasonCodes.addAll(body.reasonCodes());
    }
    application.status =
        switch (decision) {
          case APPROVED -> ApplicationStatus.APPROVED;
          case REJECTED -> ApplicationStatus.REJECTED;
          default -> ApplicationStatus.MORE_INFORMATION_REQUESTED;
        };
    application.updatedAt = now;
    if (decision == Decision.REJECTED && reminders.tooLateToApplyAgain(cycle, today)) {
      record.advice = Reminders.TAKE_COURSE;
    }
    em.persist(record);
    em.flush();
    if (decision == Decision.APPROVED) {
      publish(ApplicationDecided.APPROVED, application, now, null);
      // The approval now fulfils the requirement: the registration's state changed with it.
      facts.changed(cycle.registrationNumber);
    }
    if (record.advice != null) {
      reminders.adviseAfterRejection(cycle, application.id, today);
    }
    return record;
  }

  /**
   * Withdraws an approval after a sample audit found a false declaration, in the caller's
   * transaction: the application is REVOKED, the history says who and why, the Active List is told.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public ReviewDecision revoke(
      Application application, String reviewer, String comment, OffsetDateTime now) {
    ReviewDecision record = new ReviewDecision();
    record.id = UUID.randomUUID();
    record.applicationId = application.id;
    record.decision = Decision.REVOKED;
    record.reviewerSubject = reviewer;
    record.decidedAt = now;
    record.comment = comment;
    application.status = ApplicationStatus.REVOKED;
    application.updatedAt = now;
    em.persist(record);
    em.flush();
    publish(ApplicationDecided.REVOKED, application, now, FALSE_DECLARATION);
    // The requirement the approval covered is open again.
    facts.changed(application.cycle.registrationNumber);
    return record;
  }

  private void publish(String type, Application a, OffsetDateTime at, String reason) {
    ApplicationDecided data =
        new ApplicationDecided(
            a.id,
            a.cycle.registrationNumber,
            a.requirementKind,
            a.cycle.startsOn,
            a.cycle.expiresOn,
            at,
            reason);
    outbox.append(
        ApplicationSubmitted.TOPIC,
        a.id.toString(),
        events.create(type, a.id.toString(), ApplicationSubmitted.SCHEMA, data));
  }

  private Decision validate(NewDecision body) {
    List<Problem.Violation> v = new ArrayList<>();
    Decision decision = null;
    if (body.decision() == null) {
      v.add(new Problem.Violation("decision", "is required"));
    } else {
      try {
        decision = Decision.valueOf(body.decision());
      } catch (IllegalArgumentException e) {
        // answered below
      }
      if (decision == null || decision == Decision.REVOKED) {
        decision = null;
        v.add(
            new Problem.Violation(
                "decision", "must be APPROVED, REJECTED or MORE_INFORMATION_REQUESTED"));
      }
    }
    List<String> codes = body.reasonCodes() == null ? List.of() : body.reasonCodes();
    if (decision == Decision.REJECTED && codes.isEmpty()) {
      v.add(new Problem.Violation("reasonCodes", "at least one reason is required to reject"));
    }
    if (decision == Decision.APPROVED && !codes.isEmpty()) {
      v.add(new Problem.Violation("reasonCodes", "an approval takes no rejection reasons"));
    }
    Set<String> known = reasons().keySet();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      if (code == null || !known.contains(code)) {
        v.add(new Problem.Violation("reasonCodes[" + i + "]", "is not a rejection reason code"));
      } else if (!seen.add(code)) {
        v.add(new Problem.Violation("reasonCodes[" + i + "]", "is named twice"));
      }
    }
    String message = blankToNull(body.message());
    if (decision == Decision.MORE_INFORMATION_REQUESTED && message == null) {
      v.add(new Problem.Violation("message", "is required when asking for more information"));
    } else if (message != null
        && decision != null
        && decision != Decision.MORE_INFORMATION_REQUESTED) {
      v.add(new Problem.Violation("message", "is only for MORE_INFORMATION_REQUESTED"));
    } else if (Texts.longerThan(message, TEXT_MAX)) {
      v.add(new Problem.Violation("message", "must be at most " + TEXT_MAX + " characters"));
    }
    String comment = blankToNull(body.comment());
    if (Texts.longerThan(comment, TEXT_MAX)) {
      v.add(new Problem.Violation("comment", "must be at most " + TEXT_MAX + " characters"));
    }
    if (!v.isEmpty()) {
      throw new ProblemException(Problems.validation(v));
    }
    return decision;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
