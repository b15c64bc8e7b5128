package jp.riss.activelist.webhook;

import java.util.UUID;

/**
 * Position in a list of one's subscriptions, or of a subscription's deliveries: the last one's
 * creation time (ISO-8601) and id.
 */
record WebhookCursor(String createdAt, UUID id) {}
