package jp.riss.activelist.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import jp.riss.activelist.criteria.CriteriaEvaluation;
import jp.riss.activelist.criteria.ListingCriteria;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.listing.ListingView;
import jp.riss.platform.web.Keyset;

/** Listings waiting for review, oldest submission first, each with how it fares on the criteria. */
@ApplicationScoped
public class ReviewQueue {

  public record Item(
      OffsetDateTime submittedAt, ListingView listing, CriteriaEvaluation criteria) {}

  public record Page(List<Item> items, String next) {}

  @Inject EntityManager em;
  @Inject ListingCriteria criteria;
  @Inject ListingViews views;

  @Transactional
  public Page page(int limit, String cursor, UriInfo uri) {
    Keyset after = Keyset.decode(cursor);
    // Oldest submission first; the listing id, the submission's key, breaks ties.
    String jpql =
        "select s from ListingSubmission s, Listing l where l.id = s.listingId and l.status = :status"
            + Keyset.Order.OLDEST_FIRST.continuing(after, "s.submittedAt", "s.listingId");
    TypedQuery<ListingSubmission> query =
        em.createQuery(jpql, ListingSubmission.class)
            .setParameter("status", ListingStatus.PENDING_REVIEW);
    Keyset.Page<Item> page =
        Keyset.page(query, after, limit, s -> s.submittedAt, s -> s.listingId)
            .map(
                s -> {
                  Listing listing = Listing.findById(s.listingId);
                  return new Item(s.submittedAt, views.of(listing), criteria.evaluate(listing));
                });
    return new Page(page.items(), page.nextLink(uri));
  }
}
