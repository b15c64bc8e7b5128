package jp.riss.activelist.webhook;

import java.util.List;
import java.util.UUID;
import jp.riss.activelist.changes.ChangeEntry;

/**
 * What a delivery POSTs: feed entries in seq order, as {@code GET /changes} returns them, and the
 * feed cursor after the last one, so a receiver can switch to polling without a gap.
 */
record DeliveryBody(UUID subscriptionId, List<ChangeEntry> items, String cursor) {}
