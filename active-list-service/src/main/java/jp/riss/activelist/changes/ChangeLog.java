package jp.riss.activelist.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import jp.riss.platform.feed.CommitOrderedLog;
import jp.riss.platform.feed.FeedPosition;

/**
 * The {@code listing_change} table, a platform {@link CommitOrderedLog} (dense seq in commit order,
 * see V30): writes numbered entries and reads pages of them as listing entries.
 */
@ApplicationScoped
public class ChangeLog {

  @Inject AgroalDataSource dataSource;
  @Inject ObjectMapper json;

  private CommitOrderedLog log;

  @PostConstruct
  void init() {
    log =
        new CommitOrderedLog(dataSource, "listing_change", "listing_id", "listing_change_counter");
  }

  /**
   * Numbers and inserts a transaction's changes. Takes the counter's row lock, so it must run as
   * the transaction's last statement (it does: at commit): holding it no longer than the commit
   * keeps writers from queueing, and taking it after every other lock cannot deadlock.
   */
  void write(Connection connection, Collection<PendingChange> changes) throws SQLException {
    log.write(
        connection,
        changes.stream()
            .map(c -> new CommitOrderedLog.Pending(c.listingId(), c.kind().name(), c.payload()))
            .toList());
  }

  /** A listing's latest entry: what the feed last told copies of the list about it. */
  record Last(ChangeKind kind, String payload) {}

  /** The listing's latest entry, or null if the feed never showed it. */
  Last last(Connection connection, UUID listingId) throws SQLException {
    CommitOrderedLog.Last last = log.last(connection, listingId);
    return last == null ? null : new Last(ChangeKind.valueOf(last.kind()), last.payload());
  }

  /** The highest seq committed; every entry up to it is visible. */
  public long head() {
    return log.head();
  }

  /** A page of the feed from {@code position} (null: the snapshot first). */
  public ChangeFeed.FeedPage read(FeedPosition position, int limit) {
    CommitOrderedLog.Page page = log.read(position, limit);
    return new ChangeFeed.FeedPage(
        entries(page.entries()), page.next(), page.snapshot(), page.caughtUp());
  }

  /** Entries after {@code seq}, in order. */
  public List<ChangeEntry> after(long seq, int limit) {
    return entries(log.after(seq, limit));
  }

  private List<ChangeEntry> entries(List<CommitOrderedLog.Entry> entries) {
    return entries.stream().map(this::entry).toList();
  }

  private ChangeEntry entry(CommitOrderedLog.Entry e) {
    try {
      return new ChangeEntry(
          e.seq(),
          ChangeKind.valueOf(e.kind()),
          e.key(),
          e.committedAt(),
          e.payload() == null ? null : json.readTree(e.payload()));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot read the change feed", ex);
    }
  }
}
