package jp.riss.activelist.webhook;

import java.util.UUID;

/** Position in the list of one's subscriptions: the last one's creation time (ISO-8601) and id. */
record WebhookCursor(String createdAt, UUID id) {}
