package jp.riss.activelist.changes;

import java.util.List;

/**
 * A page of the change feed. {@code cursor} is where to continue (store it with what was applied);
 * {@code next} the same as a relative link. The feed never ends: {@code caughtUp} says there is
 * nothing more right now, so poll {@code next} again later.
 */
public record ChangePage(
    List<ChangeEntry> items, String cursor, String next, boolean snapshot, boolean caughtUp) {}
