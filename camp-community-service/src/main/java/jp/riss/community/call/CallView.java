package jp.riss.community.call;

import java.time.OffsetDateTime;
import java.util.UUID;
import jp.riss.community.targeting.Targeting;

/**
 * A call as read. {@code responses} is counted for the issuer and the camp office only; {@code
 * myResponse} is the calling member's own.
 */
public record CallView(
    UUID id,
    String kind,
    String issuer,
    String title,
    String description,
    OffsetDateTime deadline,
    Targeting targeting,
    boolean minorSuitable,
    String state,
    Integer responses,
    CallResponses.MyResponse myResponse,
    long version) {}
