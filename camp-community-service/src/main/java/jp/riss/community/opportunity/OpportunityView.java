package jp.riss.community.opportunity;

import java.time.OffsetDateTime;
import java.util.UUID;
import jp.riss.community.targeting.Targeting;

/**
 * An opportunity as read. {@code interested} is the camp office's to see; {@code myInterest} is the
 * calling member's own interest, if any.
 */
public record OpportunityView(
    UUID id,
    String kind,
    String provider,
    String title,
    String description,
    String format,
    int slots,
    int selected,
    Integer interested,
    OffsetDateTime deadline,
    Targeting targeting,
    boolean minorSuitable,
    String state,
    Interests.InterestView myInterest,
    long version) {}
