package jp.riss.deemedattendance.review;

/**
 * A review decision. REVOKED is only ever recorded by a sample audit's false-declaration outcome.
 */
public enum Decision {
  APPROVED,
  REJECTED,
  MORE_INFORMATION_REQUESTED,
  REVOKED
}
