package jp.riss.platform.inbox;

/**
 * What replaying one parked event did: {@code applied} (the handler took it now), {@code
 * already-applied} (the inbox had its id, nothing done — a second replay, or the event came through
 * another way) or {@code failed} (the handler still refuses it; it stays parked).
 */
public record ReplayOutcome(String source, String eventId, String outcome, String reason) {

  public static final String APPLIED = "applied";
  public static final String ALREADY_APPLIED = "already-applied";
  public static final String FAILED = "failed";
}
