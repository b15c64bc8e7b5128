package jp.riss.deemedattendance.application;

/** Where an application stands. */
public enum ApplicationStatus {
  /** Being written by the specialist: entries can be added, changed and removed. */
  DRAFT,
  /** Submitted with the sworn declaration: read-only for the specialist, in IPA's review queue. */
  SUBMITTED,
  /**
   * IPA asked for more information: the specialist amends entries and submits again, which puts it
   * back in the queue.
   */
  MORE_INFORMATION_REQUESTED,
  /** Approved: the practical work counts instead of the course. */
  APPROVED,
  /** Rejected with at least one reason. */
  REJECTED,
  /** An approval withdrawn after a sample audit found a false declaration. */
  REVOKED;

  /** The specialist may change entries: a draft, or an application IPA sent back. */
  public boolean isAmendable() {
    return this == DRAFT || this == MORE_INFORMATION_REQUESTED;
  }
}
