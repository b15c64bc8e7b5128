package jp.riss.platform.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A public change feed ordered by commit: one row per change of a keyed public thing, an UPSERT
 * with its public representation or a TOMBSTONE when it left the public view, numbered densely in
 * commit order so that a reader who can see seq n can see every seq below it.
 *
 * <p>A bigserial would not do: it is drawn at insert but becomes visible at commit, so a reader
 * could see 8 before 7 commits and skip 7 for ever. Writers take the next numbers from a single-row
 * counter under its row lock, held until their commit; the next writer waits for the lock until the
 * previous one committed. Writing as the transaction's last statement keeps the lock short.
 *
 * <p>Each service names its own tables (see the migrations that create them): {@code <log>(seq
 * BIGINT PK, <key> UUID, kind TEXT, payload JSONB, committed_at TIMESTAMPTZ DEFAULT
 * clock_timestamp())} and {@code <counter>(singleton BOOLEAN PK, last_seq BIGINT)}.
 */
public final class CommitOrderedLog {

  /** An UPSERT carries the representation; a TOMBSTONE carries none. */
  public static final String UPSERT = "UPSERT";

  public static final String TOMBSTONE = "TOMBSTONE";

  /**
   * A change to write: the thing's key, UPSERT or TOMBSTONE, the JSON payload (null for a
   * tombstone).
   */
  public record Pending(UUID key, String kind, String payload) {}

  /** One stored entry; the payload is the stored JSON text. */
  public record Entry(
      long seq, String kind, UUID key, OffsetDateTime committedAt, String payload) {}

  /** A key's latest entry: what the feed last told readers about it. */
  public record Last(String kind, String payload) {
    public boolean shown() {
      return UPSERT.equals(kind);
    }
  }

  /** One page: its entries, where to continue, and whether the reader has caught up. */
  public record Page(List<Entry> entries, FeedPosition next, boolean snapshot, boolean caughtUp) {}

  private final DataSource dataSource;
  private final String log;
  private final String key;
  private final String counter;
  private final String columns;

  public CommitOrderedLog(DataSource dataSource, String log, String key, String counter) {
    this.dataSource = dataSource;
    this.log = log;
    this.key = key;
    this.counter = counter;
    this.columns = "seq, " + key + ", kind, payload::text, committed_at";
  }

  /** Numbers and inserts a transaction's changes on its own connection (see the class comment). */
  public void write(Connection connection, Collection<Pending> changes) throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    long seq;
    try (PreparedStatement lock =
            connection.prepareStatement(
                "SELECT last_seq FROM " + counter + " WHERE singleton FOR UPDATE");
        ResultSet rs = lock.executeQuery()) {
      rs.next();
      seq = rs.getLong(1);
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + log
                + " (seq, "
                + key
                + ", kind, payload) VALUES (?, ?, ?, ?::jsonb)")) {
      for (Pending change : changes) {
        insert.setLong(1, ++seq);
        insert.setObject(2, change.key());
        insert.setString(3, change.kind());
        insert.setString(4, change.payload());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement advance =
        connection.prepareStatement("UPDATE " + counter + " SET last_seq = ? WHERE singleton")) {
      advance.setLong(1, seq);
      advance.executeUpdate();
    }
  }

  /** The key's latest entry, or null if the feed never showed it. */
  public Last last(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement last =
        connection.prepareStatement(
            "SELECT kind, payload::text FROM "
                + log
                + " WHERE "
                + key
                + " = ?"
                + " ORDER BY seq DESC LIMIT 1")) {
      last.setObject(1, id);
      try (ResultSet rs = last.executeQuery()) {
        return rs.next() ? new Last(rs.getString(1), rs.getString(2)) : null;
      }
    }
  }

  /** The highest seq committed; every entry up to it is visible. */
  public long head() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement head = connection.prepareStatement("SELECT last_seq FROM " + counter);
        ResultSet rs = head.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the head of " + log, e);
    }
  }

  /**
   * A page from {@code position}; from the start (null) a snapshot of what is public now (each
   * key's latest entry when it is an UPSERT), then everything after it.
   */
  public Page read(FeedPosition position, int limit) {
    FeedPosition from = position == null ? new FeedPosition(0, head()) : position;
    if (from.inSnapshot()) {
      List<Entry> entries = snapshot(from.after(), from.snapshotUpTo(), limit + 1);
      if (entries.size() > limit) {
        List<Entry> page = entries.subList(0, limit);
        return new Page(
            page, new FeedPosition(page.get(limit - 1).seq(), from.snapshotUpTo()), true, false);
      }
      return new Page(
          entries,
          FeedPosition.incremental(from.snapshotUpTo()),
          true,
          head() <= from.snapshotUpTo());
    }
    List<Entry> entries = after(from.after(), limit + 1);
    boolean more = entries.size() > limit;
    List<Entry> page = more ? entries.subList(0, limit) : entries;
    long last = page.isEmpty() ? from.after() : page.get(page.size() - 1).seq();
    return new Page(page, FeedPosition.incremental(last), false, !more);
  }

  /** Entries after {@code seq}, in order. */
  public List<Entry> after(long seq, int limit) {
    return query(
        "SELECT " + columns + " FROM " + log + " WHERE seq > ? ORDER BY seq LIMIT ?", seq, limit);
  }

  /** The snapshot as of {@code upTo}: each key's latest entry up to it, when an UPSERT. */
  public List<Entry> snapshot(long seq, long upTo, int limit) {
    return query(
        "SELECT "
            + columns
            + " FROM "
            + log
            + " c WHERE c.seq > ? AND c.seq <= ? AND c.kind = 'UPSERT'"
            + " AND NOT EXISTS (SELECT 1 FROM "
            + log
            + " later WHERE later."
            + key
            + " = c."
            + key
            + " AND later.seq > c.seq AND later.seq <= ?) ORDER BY c.seq LIMIT ?",
        seq,
        upTo,
        upTo,
        limit);
  }

  private List<Entry> query(String sql, long... args) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        select.setLong(i + 1, args[i]);
      }
      List<Entry> entries = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          entries.add(
              new Entry(
                  rs.getLong(1),
                  rs.getString(3),
                  rs.getObject(2, UUID.class),
                  rs.getObject(5, OffsetDateTime.class),
                  rs.getString(4)));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + log, e);
    }
  }
}
