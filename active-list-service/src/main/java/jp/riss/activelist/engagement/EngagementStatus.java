package jp.riss.activelist.engagement;

public enum EngagementStatus {
  IN_PROGRESS,
  COMPLETED,
  /** Stopped before completion: never part of the track record, its visits frozen. */
  CANCELLED
}
