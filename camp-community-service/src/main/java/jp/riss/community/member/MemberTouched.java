package jp.riss.community.member;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, inside the transaction) whenever a member's state changed — consents,
 * own settings, profile, deletion, ban — so features that publish something about a member (the
 * showcase) re-decide it in the same transaction: a withdrawn consent takes effect at once.
 */
public record MemberTouched(UUID personId, String change) {}
