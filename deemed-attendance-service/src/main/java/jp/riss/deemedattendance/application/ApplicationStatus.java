package jp.riss.deemedattendance.application;

/** Where an application stands. Review states (APPROVED, REJECTED, ...) come next. */
public enum ApplicationStatus {
  /** Being written by the specialist: entries can be added, changed and removed. */
  DRAFT,
  /** Submitted with the sworn declaration: read-only for the specialist, open for IPA's review. */
  SUBMITTED
}
