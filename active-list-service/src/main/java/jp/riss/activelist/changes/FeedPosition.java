package jp.riss.activelist.changes;

/**
 * Where a reader is in the feed — what an opaque cursor holds. {@code after}: the last seq read.
 * {@code snapshotUpTo}: while the initial snapshot is being paged, the feed head it was taken at
 * (null afterwards); the snapshot shows each listing's latest entry up to it, and reading continues
 * incrementally after it, so nothing committed while the snapshot was paged is missed.
 */
public record FeedPosition(long after, Long snapshotUpTo) {

  public static FeedPosition incremental(long after) {
    return new FeedPosition(after, null);
  }

  public boolean inSnapshot() {
    return snapshotUpTo != null;
  }
}
