package jp.riss.activelist.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The {@code listing_change} table: writes numbered entries and reads pages of them. */
@ApplicationScoped
public class ChangeLog {

  private static final String COLUMNS = "seq, listing_id, kind, payload::text, committed_at";

  @Inject AgroalDataSource dataSource;
  @Inject ObjectMapper json;

  /**
   * Numbers and inserts a transaction's changes. Takes the counter's row lock, so it must run as
   * the transaction's last statement (it does: at commit): holding it no longer than the commit
   * keeps writers from queueing, and taking it after every other lock cannot deadlock.
   */
  void write(Connection connection, Collection<PendingChange> changes) throws SQLException {
    long seq;
    try (PreparedStatement lock =
            connection.prepareStatement(
                "SELECT last_seq FROM listing_change_counter WHERE singleton FOR UPDATE");
        ResultSet rs = lock.executeQuery()) {
      rs.next();
      seq = rs.getLong(1);
    }
    long first = seq;
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO listing_change (seq, listing_id, kind, payload) VALUES (?, ?, ?, ?::jsonb)")) {
      for (PendingChange change : changes) {
        // A tombstone only for a listing the feed shows: one never published stays unknown.
        insert.setLong(1, ++seq);
        insert.setObject(2, change.listingId());
        insert.setString(3, change.kind().name());
        insert.setString(4, change.payload());
        insert.addBatch();
      }
      if (seq > first) {
        insert.executeBatch();
      }
    }
    if (seq > first) {
      try (PreparedStatement advance =
          connection.prepareStatement(
              "UPDATE listing_change_counter SET last_seq = ? WHERE singleton")) {
        advance.setLong(1, seq);
        advance.executeUpdate();
      }
    }
  }

  /** A listing's latest entry: what the feed last told copies of the list about it. */
  record Last(ChangeKind kind, String payload) {}

  /** The listing's latest entry, or null if the feed never showed it. */
  Last last(Connection connection, UUID listingId) throws SQLException {
    try (PreparedStatement last =
        connection.prepareStatement(
            "SELECT kind, payload::text FROM listing_change WHERE listing_id = ?"
                + " ORDER BY seq DESC LIMIT 1")) {
      last.setObject(1, listingId);
      try (ResultSet rs = last.executeQuery()) {
        return rs.next() ? new Last(ChangeKind.valueOf(rs.getString(1)), rs.getString(2)) : null;
      }
    }
  }

  /** The highest seq committed; every entry up to it is visible. */
  public long head() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement head =
            connection.prepareStatement("SELECT last_seq FROM listing_change_counter");
        ResultSet rs = head.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the change feed head", e);
    }
  }

  /** Entries after {@code seq}, in order. */
  public List<ChangeEntry> after(long seq, int limit) {
    return query(
        "SELECT " + COLUMNS + " FROM listing_change WHERE seq > ? ORDER BY seq LIMIT ?",
        seq,
        limit);
  }

  /**
   * The snapshot as of {@code upTo}: for each listing its latest entry up to it, when that is an
   * UPSERT — the published listings then, without their history — after {@code seq}, in order.
   */
  public List<ChangeEntry> snapshot(long seq, long upTo, int limit) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM listing_change c WHERE c.seq > ? AND c.seq <= ? AND c.kind = 'UPSERT'"
            + " AND NOT EXISTS (SELECT 1 FROM listing_change later"
            + " WHERE later.listing_id = c.listing_id AND later.seq > c.seq AND later.seq <= ?)"
            + " ORDER BY c.seq LIMIT ?",
        seq,
        upTo,
        upTo,
        limit);
  }

  private List<ChangeEntry> query(String sql, long... args) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        select.setLong(i + 1, args[i]);
      }
      List<ChangeEntry> entries = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String payload = rs.getString(4);
          entries.add(
              new ChangeEntry(
                  rs.getLong(1),
                  ChangeKind.valueOf(rs.getString(3)),
                  rs.getObject(2, UUID.class),
                  rs.getObject(5, OffsetDateTime.class),
                  payload == null ? null : json.readTree(payload)));
        }
      }
      return entries;
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("cannot read the change feed", e);
    }
  }
}
