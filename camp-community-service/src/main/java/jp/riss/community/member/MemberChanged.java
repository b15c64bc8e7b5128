package jp.riss.community.member;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code community.member.v1}: a member's state changed. Carries no name, contact detail or
 * date of birth — only the age band and the scopes in force, which is what other parts of the
 * community (and part 2's functions) decide by. Schema: {@code
 * events/community.member.v1.schema.json}.
 */
public record MemberChanged(
    UUID memberId, String change, String ageBand, List<String> scopes, OffsetDateTime at) {

  public static final String TOPIC = "community.member.v1";
  public static final String SCHEMA = "community.member.v1";
  public static final String TYPE = "jp.riss.community.member-changed";

  /** enrolled, profile-updated, consent-changed, settings-confirmed, profile-deleted, banned */
  public static final List<String> CHANGES =
      List.of(
          "enrolled",
          "profile-updated",
          "consent-changed",
          "settings-confirmed",
          "profile-deleted",
          "banned");
}
