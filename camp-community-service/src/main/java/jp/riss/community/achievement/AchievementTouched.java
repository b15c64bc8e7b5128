package jp.riss.community.achievement;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, inside the transaction) by every change of an item, its named alumni
 * or their consents, so the showcase re-decides in the same transaction what the public sees.
 */
public record AchievementTouched(UUID achievementId) {}
