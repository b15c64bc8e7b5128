package jp.riss.platform.inbox;

import java.time.Instant;

/**
 * An event parked on a dead-letter topic, as an operator sees it: where it came from, why it was
 * parked, by which consumer and when. The payload is left out on purpose (it may hold personal
 * data); the event id and type say which event it is.
 *
 * @param source {@code <topic>/<partition>@<offset>} of the original record (what {@code POST
 *     /q/dead-letters/replay} takes to replay just this one)
 */
public record ParkedEvent(
    String source,
    String topic,
    int partition,
    long offset,
    String deadLetter,
    String eventId,
    String eventType,
    String consumer,
    String reason,
    Instant parkedAt) {}
