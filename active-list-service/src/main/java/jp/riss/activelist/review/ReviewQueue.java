package jp.riss.activelist.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.criteria.CriteriaEvaluation;
import jp.riss.activelist.criteria.ListingCriteria;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.listing.ListingView;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Cursors;

/** Listings waiting for review, oldest submission first, each with how it fares on the criteria. */
@ApplicationScoped
public class ReviewQueue {

  public record Item(
      OffsetDateTime submittedAt, ListingView listing, CriteriaEvaluation criteria) {}

  public record Page(List<Item> items, String next) {}

  /** After this submission: its time (ISO, microseconds as stored) and listing id. */
  record Position(String at, UUID id) {}

  @Inject EntityManager em;
  @Inject ListingCriteria criteria;
  @Inject ListingViews views;

  @Transactional
  public Page page(int limit, String cursor, UriInfo uri) {
    Position after = Cursors.decode(cursor, Position.class);
    String jpql =
        "select s from ListingSubmission s, Listing l where l.id = s.listingId and l.status = :status"
            + (after == null
                ? ""
                : " and (s.submittedAt > :at or (s.submittedAt = :at and s.listingId > :id))")
            + " order by s.submittedAt, s.listingId";
    TypedQuery<ListingSubmission> query =
        em.createQuery(jpql, ListingSubmission.class)
            .setParameter("status", ListingStatus.PENDING_REVIEW)
            .setMaxResults(limit + 1);
    if (after != null) {
      query.setParameter("at", parse(after.at())).setParameter("id", after.id());
    }
    List<ListingSubmission> rows = query.getResultList();
    boolean more = rows.size() > limit;
    List<ListingSubmission> page = more ? rows.subList(0, limit) : rows;
    List<Item> items =
        page.stream()
            .map(
                s -> {
                  Listing listing = Listing.findById(s.listingId);
                  return new Item(s.submittedAt, views.of(listing), criteria.evaluate(listing));
                })
            .toList();
    ListingSubmission last = page.isEmpty() ? null : page.get(page.size() - 1);
    return new Page(
        items,
        more
            ? Cursors.nextLink(uri, new Position(last.submittedAt.toString(), last.listingId))
            : null);
  }

  private static OffsetDateTime parse(String at) {
    try {
      return OffsetDateTime.parse(at);
    } catch (RuntimeException e) {
      throw ProblemException.badRequest(Cursors.PARAM, "is not a cursor this API issued");
    }
  }
}
