package jp.riss.community.feed;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One open item of a member's feed: an opportunity, a government call or an event they can still
 * act on before {@code deadline} (for events: when registration closes). {@code type} is the kind
 * within the source (an opportunity kind, {@code opinion}/{@code participation}, an event kind).
 */
public record FeedItem(
    String source, UUID id, String type, String title, OffsetDateTime deadline, String href) {}
