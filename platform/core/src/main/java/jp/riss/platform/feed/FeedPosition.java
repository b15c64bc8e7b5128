package jp.riss.platform.feed;

import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Cursors;

/**
 * Where a reader is in a commit-ordered feed — what its opaque cursor holds. {@code after}: the
 * last seq read. {@code snapshotUpTo}: while the initial snapshot is being paged, the feed head it
 * was taken at (null afterwards); the snapshot shows each key's latest entry up to it, and reading
 * continues incrementally after it, so nothing committed while the snapshot was paged is missed.
 */
public record FeedPosition(long after, Long snapshotUpTo) {

  public static FeedPosition incremental(long after) {
    return new FeedPosition(after, null);
  }

  public boolean inSnapshot() {
    return snapshotUpTo != null;
  }

  /** The position a cursor holds; null (no cursor) starts with the snapshot; 400 when foreign. */
  public static FeedPosition decode(String cursor) {
    FeedPosition position = Cursors.decode(cursor, FeedPosition.class);
    if (position != null
        && (position.after() < 0
            || position.inSnapshot() && position.snapshotUpTo() < position.after())) {
      throw ProblemException.badRequest(Cursors.PARAM, "is not a cursor this API issued");
    }
    return position;
  }
}
