package jp.riss.guide.organisation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An organisation as its owner or a consented support body reads it; {@code actingAs} says in which
 * capacity the caller sees it.
 */
public record OrganisationView(
    UUID id,
    String name,
    String prefecture,
    String jsicDivision,
    String employeeBand,
    OrganisationData.Staff securityStaff,
    boolean statisticsConsent,
    String actingAs,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public static OrganisationView of(Organisation o, Actor actor) {
    return new OrganisationView(
        o.id(),
        o.name(),
        o.prefecture(),
        o.jsicDivision(),
        o.employeeBand(),
        new OrganisationData.Staff(o.concurrentStaff(), o.dedicatedStaff()),
        o.statisticsConsent(),
        actor.role(),
        o.createdAt(),
        o.updatedAt());
  }
}
