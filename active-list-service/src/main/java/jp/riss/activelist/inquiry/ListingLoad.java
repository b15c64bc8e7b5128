package jp.riss.activelist.inquiry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingTouched;

/**
 * Keeps {@code listing.open_inquiries} equal to the listing's SENT and ACCEPTED inquiries, in the
 * caller's transaction. Single conditional UPDATEs, so two inquiries racing for a listing's last
 * free place cannot both take it, and the listing's version (its owner's ETag) is left alone: an
 * arriving inquiry must not make the owner's edit a 412.
 */
@ApplicationScoped
class ListingLoad {

  @Inject EntityManager em;
  @Inject Event<ListingTouched> touched;

  /** Takes a place if the listing is published, accepting and below capacity. */
  @Transactional(Transactional.TxType.MANDATORY)
  boolean take(UUID listingId) {
    int updated =
        em.createNativeQuery(
                "UPDATE listing SET open_inquiries = open_inquiries + 1, load_changed_at = now()"
                    + " WHERE id = ?1"
                    + " AND status = 'PUBLISHED' AND "
                    + Listing.ACCEPTING_TODAY_SQL
                    + " AND open_inquiries < capacity")
            .setParameter(1, listingId)
            .executeUpdate();
    if (updated == 1) {
      touched.fire(new ListingTouched(listingId));
    }
    return updated == 1;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void release(UUID listingId) {
    em.createNativeQuery(
            "UPDATE listing SET open_inquiries = open_inquiries - 1, load_changed_at = now()"
                + " WHERE id = ?1"
                + " AND open_inquiries > 0")
        .setParameter(1, listingId)
        .executeUpdate();
    touched.fire(new ListingTouched(listingId));
  }
}
