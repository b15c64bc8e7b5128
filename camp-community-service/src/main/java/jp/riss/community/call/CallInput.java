package jp.riss.community.call;

import jp.riss.community.targeting.Targeting;

/** A government call as its issuer (or the camp office for one) sends it. */
public record CallInput(
    String kind,
    String issuer,
    String title,
    String description,
    String deadline,
    Targeting targeting,
    Boolean minorSuitable) {}
