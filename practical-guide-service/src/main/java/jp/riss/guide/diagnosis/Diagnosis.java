package jp.riss.guide.diagnosis;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A completed diagnosis as stored: never changed afterwards. The organisation's facts are those at
 * completion.
 */
public record Diagnosis(
    UUID id,
    UUID organisationId,
    String instrumentCode,
    String instrumentVersion,
    String placementVersion,
    Map<String, String> answers,
    List<String> facts,
    String prefecture,
    String jsicDivision,
    String employeeBand,
    int concurrentStaff,
    int dedicatedStaff,
    Assessment assessment,
    UUID previousId,
    boolean movedDown,
    String respondentSubject,
    String respondentRole,
    OffsetDateTime completedAt) {

  /** A number derived from the id, the same on every read, for seeded rotations elsewhere. */
  public long seed() {
    return seedOf(id);
  }

  /** The seed of the diagnosis with this id. */
  public static long seedOf(UUID id) {
    return id.getMostSignificantBits() >>> 33;
  }
}
