package jp.riss.deemedattendance.requirement;

import java.time.OffsetDateTime;

/** A requirement kind as the API shows it (who changed it last is not part of it). */
public record RequirementKindView(
    String code,
    String name,
    String nameEn,
    Per per,
    int requiredPerCycle,
    boolean dutiesAndEthics,
    boolean substitutable,
    long version,
    OffsetDateTime updatedAt) {

  static RequirementKindView of(RequirementKind kind) {
    return new RequirementKindView(
        kind.code,
        kind.nameJa,
        kind.nameEn,
        kind.per,
        kind.periods(),
        kind.dutiesAndEthics,
        kind.substitutable,
        kind.version,
        kind.updatedAt);
  }
}
