package jp.riss.deemedattendance.suggestion;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of the Active List's {@code jp.riss.activelist.engagement.completed} (topic {@code
 * activelist.engagement.v1}, key the engagement id), as the producer's schema {@code
 * active-list-service/src/main/resources/events/activelist.engagement.v1.schema.json} defines it;
 * the tests validate what they send against that very file.
 */
public record EngagementCompleted(
    UUID engagementId,
    UUID listingId,
    String registrationNumber,
    Integer themeNumber,
    String organisationName,
    LocalDate startedOn,
    LocalDate completedOn,
    List<Visit> visits) {

  public static final String TOPIC = "activelist.engagement.v1";
  public static final String TYPE = "jp.riss.activelist.engagement.completed";

  public record Visit(Integer number, String goal, String outcome) {}

  /** The fields a suggestion needs are there and well-formed. */
  boolean isComplete() {
    return engagementId != null
        && listingId != null
        && registrationNumber != null
        && registrationNumber.matches("[0-9]{6}")
        && themeNumber != null
        && themeNumber >= 1
        && themeNumber <= 99
        && startedOn != null
        && completedOn != null
        && !completedOn.isBefore(startedOn)
        && (organisationName == null || organisationName.length() <= 200)
        && visits != null
        && visits.size() <= 3
        && visits.stream()
            .allMatch(
                v ->
                    v != null
                        && v.number() != null
                        && v.number() >= 1
                        && v.number() <= 3
                        && v.goal() != null
                        && v.outcome() != null);
  }
}
