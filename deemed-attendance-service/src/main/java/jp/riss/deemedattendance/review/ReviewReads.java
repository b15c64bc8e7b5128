package jp.riss.deemedattendance.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.deemedattendance.application.Application;
import jp.riss.deemedattendance.application.Applications;
import jp.riss.deemedattendance.application.Views.ApplicationView;
import jp.riss.deemedattendance.audit.Strata;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.review.ReviewViews.History;
import jp.riss.deemedattendance.review.ReviewViews.QueueItem;
import jp.riss.deemedattendance.review.ReviewViews.RejectionReasonView;
import jp.riss.deemedattendance.review.ReviewViews.ReviewApplication;

/**
 * What reviewers (and, for the decision history, the applicant) read. Each view is built inside the
 * transaction that loaded it: an application's cycle and entries load lazily.
 */
@ApplicationScoped
public class ReviewReads {

  @Inject Clock clock;

  /** One page of the queue and the position after it (none on the last page). */
  public record Queue(List<QueueItem> items, Reviews.Position next) {}

  @Inject Reviews reviews;
  @Inject Applications applications;

  @Transactional
  public Queue queue(int limit, Reviews.Position after) {
    Reviews.Slice slice = reviews.queue(limit, after);
    LocalDate today = RenewalCalendar.today(clock);
    List<QueueItem> items =
        slice.items().stream()
            .map(
                a ->
                    new QueueItem(
                        a.id,
                        a.version,
                        a.cycle.registrationNumber,
                        a.requirementKind,
                        a.cycle.renewalDueOn,
                        RenewalCalendar.daysUntil(today, a.cycle.renewalDueOn),
                        reviews.atRisk(a, today),
                        a.submittedAt,
                        a.entries.size(),
                        Strata.of(a)))
            .toList();
    return new Queue(items, slice.next());
  }

  @Transactional
  public List<RejectionReasonView> rejectionReasons() {
    return reviews.reasons().values().stream()
        .map(r -> new RejectionReasonView(r.code, r.nameJa, r.nameEn))
        .toList();
  }

  @Transactional
  public ReviewApplication application(UUID id) {
    Application a = reviews.find(id);
    LocalDate today = RenewalCalendar.today(clock);
    Map<String, RejectionReason> reasons = reviews.reasons();
    return new ReviewApplication(
        ApplicationView.of(a),
        a.status,
        RenewalCalendar.daysUntil(today, a.cycle.renewalDueOn),
        reviews.atRisk(a, today),
        Strata.of(a),
        ReviewViews.shared(a),
        reviews.history(a.id).stream().map(d -> DecisionView.of(d, reasons, true)).toList());
  }

  /**
   * The decisions on an application: IPA reads any, with internal notes; the specialist only their
   * own application's (anyone else's is not found).
   */
  @Transactional
  public History history(UUID id, String subject, boolean ipa) {
    Application a = ipa ? reviews.find(id) : applications.owned(id, subject);
    Map<String, RejectionReason> reasons = reviews.reasons();
    return new History(
        a.id,
        a.status,
        reviews.history(a.id).stream().map(d -> DecisionView.of(d, reasons, ipa)).toList());
  }
}
