package jp.riss.deemedattendance.application;

/** Where an experience entry stands with its certifier. */
public enum EntryStatus {
  /** Being written; attestation not requested yet. Editable. */
  DRAFT,
  /** A one-time link went to the certifier; not editable until they answer. */
  PENDING_ATTESTATION,
  /** The certifier confirmed it. Not editable (a change would need a new attestation). */
  ATTESTED,
  /**
   * The certifier declined it with a comment. Editable again, and attestation can be re-requested.
   */
  DECLINED
}
