package jp.riss.deemedattendance.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.riss.deemedattendance.application.Application;
import jp.riss.deemedattendance.application.ApplicationStatus;
import jp.riss.deemedattendance.audit.AuditViews.AuditView;
import jp.riss.deemedattendance.example.Texts;
import jp.riss.deemedattendance.review.Reviews;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Preconditions;

/**
 * The audit of a drawn application: the follow-up IPA asks for, then the outcome. A false
 * declaration revokes the approval and recommends the registration's revocation to IPA's back
 * office, both as events in the outcome's transaction.
 */
@ApplicationScoped
public class Audits {

  @Inject Clock clock;

  public static final int TEXT_MAX = 4000;

  @Inject EntityManager em;
  @Inject Reviews reviews;
  @Inject Outbox outbox;
  @Inject EventSource events;

  public Audit find(UUID id) {
    Audit audit = em.find(Audit.class, id);
    if (audit == null) {
      throw ProblemException.notFound("audit " + id);
    }
    return audit;
  }

  /** The audit as IPA reads it; 404 if there is none. */
  @Transactional
  public AuditView view(UUID id) {
    return view(find(id));
  }

  @Transactional
  public AuditView view(Audit audit) {
    return AuditView.of(audit, registrationNumber(audit));
  }

  public String registrationNumber(Audit audit) {
    return em.find(Application.class, audit.applicationId).cycle.registrationNumber;
  }

  @Transactional
  public Audit followUp(UUID id, String ifMatch, String text) {
    Audit audit = find(id);
    Preconditions.requireIfMatch(ifMatch, audit.version);
    String value = text == null ? null : text.strip();
    if (value == null || value.isEmpty() || Texts.longerThan(value, TEXT_MAX)) {
      throw ProblemException.badRequest("text", "must be 1 to " + TEXT_MAX + " characters");
    }
    requireOpen(audit);
    audit.followUp = value;
    audit.followUpAt = now();
    em.flush();
    return audit;
  }

  @Transactional
  public Audit decide(UUID id, String ifMatch, String outcome, String comment, String reviewer) {
    Audit audit = find(id);
    Preconditions.requireIfMatch(ifMatch, audit.version);
    String note = comment == null || comment.isBlank() ? null : comment.strip();
    List<Problem.Violation> v = new ArrayList<>();
    if (outcome == null) {
      v.add(new Problem.Violation("outcome", "is required"));
    } else if (!outcome.equals(Audit.CONFIRMED) && !outcome.equals(Audit.FALSE_DECLARATION)) {
      v.add(new Problem.Violation("outcome", "must be CONFIRMED or FALSE_DECLARATION"));
    }
    if (Audit.FALSE_DECLARATION.equals(outcome) && note == null) {
      v.add(new Problem.Violation("comment", "is required: what was found to be false"));
    }
    if (Texts.longerThan(note, TEXT_MAX)) {
      v.add(new Problem.Violation("comment", "must be at most " + TEXT_MAX + " characters"));
    }
    if (!v.isEmpty()) {
      throw new ProblemException(Problems.validation(v));
    }
    em.refresh(audit, LockModeType.PESSIMISTIC_WRITE);
    Preconditions.requireIfMatch(ifMatch, audit.version);
    requireOpen(audit);
    OffsetDateTime now = now();
    audit.outcome = outcome;
    audit.outcomeComment = note;
    audit.decidedBy = reviewer;
    audit.decidedAt = now;
    if (outcome.equals(Audit.FALSE_DECLARATION)) {
      Application application =
          em.find(Application.class, audit.applicationId, LockModeType.PESSIMISTIC_WRITE);
      if (application.status != ApplicationStatus.APPROVED) {
        throw ProblemException.conflict(
            "not-approved",
            "Not approved",
            "The application is " + application.status + "; only an approval can be revoked.");
      }
      reviews.revoke(application, reviewer, note, now);
      RevocationRecommended data =
          new RevocationRecommended(
              audit.id,
              audit.drawId,
              application.id,
              application.cycle.registrationNumber,
              application.requirementKind,
              audit.stratum,
              note,
              reviewer,
              now);
      outbox.append(
          RevocationRecommended.TOPIC,
          application.id.toString(),
          events.create(
              RevocationRecommended.TYPE,
              application.id.toString(),
              RevocationRecommended.SCHEMA,
              data));
    }
    em.flush();
    return audit;
  }

  private static void requireOpen(Audit audit) {
    if (audit.outcome != null) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "audit-decided",
                  "Audit decided",
                  "The audit's outcome (" + audit.outcome + ") is final.")
              .with("outcome", audit.outcome));
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
