package jp.riss.activelist.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
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
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Cursors;
import jp.riss.platform.web.PageLimit;

/** Listings waiting for review, oldest submission first, each with its criteria evaluated now. */
@Path("/api/v1/active-list/listings/review-queue")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewQueueResource {

  public record Item(
      OffsetDateTime submittedAt, ListingView listing, CriteriaEvaluation criteria) {}

  public record Page(List<Item> items, String next) {}

  /** After this submission: its time (ISO, microseconds as stored) and listing id. */
  record Position(String at, UUID id) {}

  @Inject EntityManager em;
  @Inject ListingCriteria criteria;
  @Inject ListingViews views;
  @Context UriInfo uri;

  @GET
  @RolesAllowed({Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  @Transactional
  public Page queue(@QueryParam("limit") String limitParam, @QueryParam("cursor") String cursor) {
    int limit = PageLimit.parse(limitParam, 20, 100);
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
