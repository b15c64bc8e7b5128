package jp.riss.deemedattendance.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.deemedattendance.application.Application;
import jp.riss.deemedattendance.application.ApplicationStatus;
import jp.riss.deemedattendance.application.Views.ApplicationView;

/** What IPA's reviewers see. */
public final class ReviewViews {

  private ReviewViews() {}

  /** A line of the review queue. */
  public record QueueItem(
      UUID id,
      long version,
      String registrationNumber,
      String requirementKind,
      LocalDate renewalDueOn,
      long daysLeft,
      boolean atRisk,
      OffsetDateTime submittedAt,
      int entryCount,
      String stratum) {}

  /**
   * One application under review: what the applicant wrote (corporate numbers included, certifier
   * e-mails only as hints), which entries share their description with another applicant's, where
   * the review stands and what was decided before.
   */
  public record ReviewApplication(
      ApplicationView application,
      ApplicationStatus status,
      long daysLeft,
      boolean atRisk,
      String stratum,
      List<UUID> sharedDescriptionEntryIds,
      List<DecisionView> decisions) {}

  public record Page(List<QueueItem> items, String next) {}

  public record History(UUID applicationId, ApplicationStatus status, List<DecisionView> items) {}

  public record RejectionReasonView(String code, String name, String nameEn) {}

  static List<UUID> shared(Application a) {
    return a.entries.stream().filter(e -> e.sharedDescription).map(e -> e.id).toList();
  }
}
