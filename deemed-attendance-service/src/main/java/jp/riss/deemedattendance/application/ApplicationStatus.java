package jp.riss.deemedattendance.application;

/** Where an application stands. Only drafts exist yet; submission and review come next. */
public enum ApplicationStatus {
  /** Being written by the specialist: entries can be added, changed and removed. */
  DRAFT
}
