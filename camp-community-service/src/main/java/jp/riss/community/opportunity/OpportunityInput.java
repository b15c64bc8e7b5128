package jp.riss.community.opportunity;

import jp.riss.community.targeting.Targeting;

/** An opportunity as the camp office sends it. */
public record OpportunityInput(
    String kind,
    String provider,
    String title,
    String description,
    String format,
    Integer slots,
    String deadline,
    Targeting targeting,
    Boolean minorSuitable) {}
