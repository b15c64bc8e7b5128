package jp.riss.community.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code community.event.v1}: an event opened or was cancelled, or its seats changed
 * because of a registration. Carries the event's public facts and seat counts only — never a
 * member, a name, a contact detail or anything about a minor. Schema: {@code
 * events/community.event.v1.schema.json}.
 */
public record EventChanged(
    UUID eventId,
    String kind,
    String title,
    String state,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    int capacity,
    int confirmed,
    int offered,
    int waitlisted,
    int pupils,
    String change,
    OffsetDateTime at) {

  public static final String TOPIC = "community.event.v1";
  public static final String SCHEMA = "community.event.v1";
  public static final String OPENED = "jp.riss.community.event-opened";
  public static final String CANCELLED = "jp.riss.community.event-cancelled";
  public static final String SEATS_CHANGED = "jp.riss.community.event-seats-changed";
}
