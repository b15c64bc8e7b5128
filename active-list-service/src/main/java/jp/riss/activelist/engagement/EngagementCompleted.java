package jp.riss.activelist.engagement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The payload of {@code activelist.engagement.v1} type {@code
 * jp.riss.activelist.engagement.completed}: what the deemed-attendance service needs to pre-fill an
 * experience entry. Its shape is that service's contract; change it only with a new major version.
 */
public record EngagementCompleted(
    UUID engagementId,
    UUID listingId,
    String registrationNumber,
    int themeNumber,
    String organisationName,
    LocalDate startedOn,
    LocalDate completedOn,
    List<CompletedVisit> visits) {

  public static final String TOPIC = "activelist.engagement.v1";
  public static final String SCHEMA = "activelist.engagement.v1";
  public static final String COMPLETED = "jp.riss.activelist.engagement.completed";

  public record CompletedVisit(int number, String goal, String outcome) {}

  static EngagementCompleted of(Engagement e, String registrationNumber) {
    return new EngagementCompleted(
        e.id,
        e.listingId,
        registrationNumber,
        e.themeNumber,
        e.organisationName,
        e.startedOn,
        e.completedOn,
        e.visits.stream().map(v -> new CompletedVisit(v.number(), v.goal(), v.outcome())).toList());
  }
}
