package jp.riss.activelist.changes;

/** What a change-feed entry tells a copy of the list to do with a listing. */
public enum ChangeKind {
  /** Store (or replace) the listing with the public representation carried in the entry. */
  UPSERT,
  /** Remove the listing: it is no longer public (withdrawn, suspended, stale, …). */
  TOMBSTONE
}
