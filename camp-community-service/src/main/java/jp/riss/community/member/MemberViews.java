package jp.riss.community.member;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What members and the camp office read about a member; each view carries only what its reader may
 * see.
 */
public final class MemberViews {

  private MemberViews() {}

  public record CompletionView(String programme, int fiscalYear, boolean verified) {}

  /** The member's own view. Never the date of birth or the addresses on record. */
  public record Me(
      UUID memberId,
      String displayName,
      String ageBand,
      String prefecture,
      String municipality,
      String affiliationKind,
      List<String> interests,
      List<CompletionView> completions,
      List<String> scopesInForce,
      boolean guardianConsentRequired,
      boolean ownSettingsPending,
      boolean postingSuspended,
      boolean banned,
      long version) {}

  /** The camp office's view of a person (the only place the date of birth is returned). */
  public record OfficeView(
      UUID memberId,
      String personRef,
      String fullName,
      String email,
      String guardianEmail,
      String dateOfBirth,
      String ageBand,
      boolean enrolled,
      List<CompletionView> completions,
      List<String> scopesInForce,
      boolean postingSuspended,
      boolean banned,
      OffsetDateTime profileDeletedAt) {}

  /** Another member as members see them: the name only when that member's profile is shown. */
  public record Peer(UUID memberId, String displayName, String ageBand) {}
}
