package jp.riss.activelist.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.listing.PublicListing;
import jp.riss.activelist.verification.Verification;

/**
 * The durable, ordered feed of public listing changes that support bodies' CRM systems sync from.
 * {@link #append} is the one way in: every change to what the public sees of a listing (its own
 * edits and status, and its verified facts) calls it in the changing transaction.
 */
@ApplicationScoped
public class ChangeFeed {

  private static final String PENDING = ChangeFeed.class.getName() + ".pending";

  @Inject TransactionSynchronizationRegistry transactions;
  @Inject EntityManager em;
  @Inject AgroalDataSource dataSource;
  @Inject Verification verification;
  @Inject ObjectMapper json;
  @Inject ChangeLog log;
  @Inject Event<ChangesCommitted> committed;

  /** Fired after a transaction that wrote feed entries committed, to wake webhook delivery. */
  public record ChangesCommitted() {}

  /**
   * Records the listing's current public state — an UPSERT while it is PUBLISHED, a TOMBSTONE
   * otherwise — in the caller's transaction. Several appends of one listing in a transaction make
   * one entry, of its state at commit.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(Listing listing) {
    // The payload carries the version, which only a flush makes final.
    em.flush();
    pending().remove(listing.id);
    pending().put(listing.id, pendingOf(listing));
  }

  private PendingChange pendingOf(Listing listing) {
    if (listing.status != ListingStatus.PUBLISHED) {
      return new PendingChange(listing.id, ChangeKind.TOMBSTONE, null);
    }
    PublicListing representation =
        PublicListing.of(
            listing,
            verification.of(
                listing.registrationNumber,
                listing.engagementsCompleted,
                listing.engagementsVerifiedAt));
    try {
      return new PendingChange(
          listing.id, ChangeKind.UPSERT, json.writeValueAsString(representation));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write listing " + listing.id, e);
    }
  }

  /**
   * A page of the feed from {@code position}; from the start (null) a snapshot of the listings
   * published now, then everything after it.
   */
  public FeedPage read(FeedPosition position, int limit) {
    FeedPosition from = position == null ? new FeedPosition(0, log.head()) : position;
    if (from.inSnapshot()) {
      List<ChangeEntry> entries = log.snapshot(from.after(), from.snapshotUpTo(), limit + 1);
      if (entries.size() > limit) {
        List<ChangeEntry> page = entries.subList(0, limit);
        return new FeedPage(
            page, new FeedPosition(page.get(limit - 1).seq(), from.snapshotUpTo()), true, false);
      }
      return new FeedPage(
          entries,
          FeedPosition.incremental(from.snapshotUpTo()),
          true,
          log.head() <= from.snapshotUpTo());
    }
    List<ChangeEntry> entries = log.after(from.after(), limit + 1);
    boolean more = entries.size() > limit;
    List<ChangeEntry> page = more ? entries.subList(0, limit) : entries;
    long last = page.isEmpty() ? from.after() : page.get(page.size() - 1).seq();
    return new FeedPage(page, FeedPosition.incremental(last), false, !more);
  }

  /** One page: its entries, where to continue, and whether the reader has caught up. */
  public record FeedPage(
      List<ChangeEntry> entries, FeedPosition next, boolean snapshot, boolean caughtUp) {}

  @SuppressWarnings("unchecked")
  private Map<UUID, PendingChange> pending() {
    Map<UUID, PendingChange> pending = (Map<UUID, PendingChange>) transactions.getResource(PENDING);
    if (pending == null) {
      Map<UUID, PendingChange> changes = new LinkedHashMap<>();
      transactions.putResource(PENDING, changes);
      transactions.registerInterposedSynchronization(new WriteAtCommit(changes));
      pending = changes;
    }
    return pending;
  }

  /**
   * Writes the transaction's changes as its last statements, so seq is taken in commit order (see
   * {@link ChangeLog#write}); a failure here rolls the whole transaction back.
   */
  private final class WriteAtCommit implements Synchronization {
    private final Map<UUID, PendingChange> changes;

    WriteAtCommit(Map<UUID, PendingChange> changes) {
      this.changes = changes;
    }

    @Override
    public void beforeCompletion() {
      if (changes.isEmpty()) {
        return;
      }
      // The transaction's own (enlisted) connection: the entries commit with the change.
      try (Connection connection = dataSource.getConnection()) {
        log.write(connection, changes.values());
      } catch (SQLException e) {
        transactions.setRollbackOnly();
        throw new IllegalStateException("cannot write the change feed", e);
      }
    }

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED && !changes.isEmpty()) {
        committed.fire(new ChangesCommitted());
      }
    }
  }
}
