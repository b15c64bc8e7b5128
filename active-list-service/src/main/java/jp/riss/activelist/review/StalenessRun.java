package jp.riss.activelist.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingStatus;

/**
 * Keeps the list current: published listings not reconfirmed for remind-after days get one reminder
 * notice per reconfirmation; after stale-after days they become STALE (off the list). Safe to run
 * again and side by side: the reminder table and row locks make repeats no-ops.
 */
@ApplicationScoped
public class StalenessRun {

  public record Report(OffsetDateTime at, List<UUID> reminded, List<UUID> madeStale) {}

  @Inject EntityManager em;
  @Inject StalenessConfig config;
  @Inject ListingLifecycle lifecycle;
  @Inject Notices notices;

  @Transactional
  public Report run(OffsetDateTime now) {
    OffsetDateTime remindBefore = now.minusDays(config.remindAfterDays());
    OffsetDateTime staleBefore = now.minusDays(config.staleAfterDays());
    List<UUID> reminded = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Object[]> due =
        em.createNativeQuery(
                "WITH due AS (INSERT INTO listing_reconfirmation_reminder"
                    + " (listing_id, reconfirmed_at, reminded_at)"
                    + " SELECT id, reconfirmed_at, ?1 FROM listing WHERE status = 'PUBLISHED'"
                    + " AND reconfirmed_at <= ?2 AND reconfirmed_at > ?3"
                    + " ON CONFLICT DO NOTHING RETURNING listing_id, reconfirmed_at)"
                    + " SELECT l.id, l.registration_number, due.reconfirmed_at"
                    + " FROM due JOIN listing l ON l.id = due.listing_id ORDER BY l.id")
            .setParameter(1, now)
            .setParameter(2, remindBefore)
            .setParameter(3, staleBefore)
            .getResultList();
    for (Object[] row : due) {
      UUID id = (UUID) row[0];
      OffsetDateTime reconfirmedAt = toOffset(row[2]);
      notices.send(
          ListingNotice.RECONFIRMATION_DUE,
          new ListingNotice(
              id,
              (String) row[1],
              List.of(),
              null,
              reconfirmedAt,
              reconfirmedAt.plusDays(config.staleAfterDays())));
      reminded.add(id);
    }
    List<UUID> madeStale = new ArrayList<>();
    List<Listing> expired =
        Listing.<Listing>find(
                "status = ?1 and reconfirmedAt <= ?2 order by id",
                ListingStatus.PUBLISHED,
                staleBefore)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .list();
    for (Listing listing : expired) {
      lifecycle.markStale(listing, listing.reconfirmedAt.plusDays(config.staleAfterDays()));
      madeStale.add(listing.id);
    }
    return new Report(now, reminded, madeStale);
  }

  private static OffsetDateTime toOffset(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt;
    }
    if (value instanceof java.time.Instant instant) {
      return instant.atOffset(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
