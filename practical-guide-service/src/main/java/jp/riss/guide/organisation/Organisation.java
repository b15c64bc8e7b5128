package jp.riss.guide.organisation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An organisation as stored. */
public record Organisation(
    UUID id,
    String ownerSubject,
    String name,
    String prefecture,
    String jsicDivision,
    String employeeBand,
    int concurrentStaff,
    int dedicatedStaff,
    boolean statisticsConsent,
    long revision,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public boolean isOwnedBy(String subject) {
    return ownerSubject.equals(subject);
  }
}
