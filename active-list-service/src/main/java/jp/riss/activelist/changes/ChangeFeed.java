package jp.riss.activelist.changes;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingTouched;
import jp.riss.platform.feed.FeedPosition;
import org.jboss.logging.Logger;

/**
 * The durable, ordered feed of public listing changes that support bodies' CRM systems sync from
 * (and that webhooks fan out). No write path appends to it by itself: every transaction that
 * touches a listing (each fires {@link ListingTouched}; {@link #append} says the same) has the
 * listing's public representation rebuilt as it commits, and an entry — with a new public revision
 * and its {@code activelist.listing.v1} event — only where that differs from the listing's last
 * entry ({@link PublicChanges}). So an edit, a status change, a verified fact, a completed
 * engagement or the inquiry load reaching capacity all reach the feed the same way, and a new write
 * path cannot forget to.
 */
@ApplicationScoped
public class ChangeFeed {

  private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
  private static final String TOUCHED = ChangeFeed.class.getName() + ".touched";

  @Inject TransactionSynchronizationRegistry transactions;
  @Inject AgroalDataSource dataSource;
  @Inject PublicChanges publicChanges;
  @Inject ChangeLog log;
  @Inject Event<ChangesCommitted> committed;

  /** Fired after a transaction that wrote feed entries committed, to wake webhook delivery. */
  public record ChangesCommitted() {}

  /** A listing changed in this transaction: its public state is compared at commit. */
  void touched(@Observes ListingTouched touched) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      LOG.warnf(
          "listing %s touched outside a transaction; the feed sees it at its next change",
          touched.listingId());
      return;
    }
    touched().add(touched.listingId());
  }

  /** The same as firing {@link ListingTouched}: the listing is compared at commit. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(Listing listing) {
    touched().add(listing.id);
  }

  /**
   * A page of the feed from {@code position}; from the start (null) a snapshot of the listings
   * published now, then everything after it.
   */
  public FeedPage read(FeedPosition position, int limit) {
    return log.read(position, limit);
  }

  /** One page: its entries, where to continue, and whether the reader has caught up. */
  public record FeedPage(
      List<ChangeEntry> entries, FeedPosition next, boolean snapshot, boolean caughtUp) {}

  @SuppressWarnings("unchecked")
  private Set<UUID> touched() {
    Set<UUID> touched = (Set<UUID>) transactions.getResource(TOUCHED);
    if (touched == null) {
      touched = new LinkedHashSet<>();
      transactions.putResource(TOUCHED, touched);
      transactions.registerInterposedSynchronization(new WriteAtCommit(touched));
    }
    return touched;
  }

  /**
   * Rebuilds the touched listings and writes the entries that changed as the transaction's last
   * statements, so seq is taken in commit order (see {@link ChangeLog#write}); a failure here rolls
   * the whole transaction back.
   */
  private final class WriteAtCommit implements Synchronization {
    private final Set<UUID> touched;
    private boolean wrote;

    WriteAtCommit(Set<UUID> touched) {
      this.touched = touched;
    }

    @Override
    public void beforeCompletion() {
      if (touched.isEmpty()) {
        return;
      }
      // The transaction's own (enlisted) connection: the entries commit with the change.
      try (Connection connection = dataSource.getConnection()) {
        List<PendingChange> changes = publicChanges.rebuild(connection, touched);
        if (!changes.isEmpty()) {
          log.write(connection, changes);
          wrote = true;
        }
      } catch (SQLException e) {
        transactions.setRollbackOnly();
        throw new IllegalStateException("cannot write the change feed", e);
      }
    }

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED && wrote) {
        committed.fire(new ChangesCommitted());
      }
    }
  }
}
