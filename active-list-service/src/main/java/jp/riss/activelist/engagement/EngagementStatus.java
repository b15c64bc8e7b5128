package jp.riss.activelist.engagement;

public enum EngagementStatus {
  IN_PROGRESS,
  COMPLETED
}
