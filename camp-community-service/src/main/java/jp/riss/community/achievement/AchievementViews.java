package jp.riss.community.achievement;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What members and the camp office send and read about achievements and participation reports. */
public final class AchievementViews {

  private AchievementViews() {}

  /** A draft as its author writes it; the author is always named, others by member id. */
  public record Input(
      String kind,
      String category,
      String audience,
      String title,
      String body,
      List<String> namedMemberIds) {}

  /** A named alumnus' decision about one item and the details it lets the showcase show. */
  public record ConsentInput(String decision, List<String> fields) {}

  /** The camp office's review: accept (to reviewed) or return to the author with a note. */
  public record ReviewInput(String outcome, String note) {}

  public record Named(UUID memberId, String consent, List<String> fields) {}

  public record Achievement(
      UUID id,
      String kind,
      String category,
      String audience,
      String title,
      String body,
      String state,
      UUID authorId,
      List<Named> named,
      String reviewNote,
      OffsetDateTime createdAt,
      OffsetDateTime publishedAt,
      OffsetDateTime withdrawnAt,
      long version) {}

  public record Page(List<Achievement> items, String next) {}
}
