package jp.riss.activelist.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.PageLimit;

/** Listings waiting for review, oldest submission first, each with its criteria evaluated now. */
@Path("/api/v1/active-list/listings/review-queue")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewQueueResource {

  @Inject ReviewQueue reviewQueue;
  @Context UriInfo uri;

  @GET
  @RolesAllowed({Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public ReviewQueue.Page queue(
      @QueryParam("limit") String limitParam,
      @QueryParam("cursor") @Size(max = 500) String cursor) {
    return reviewQueue.page(PageLimit.parse(limitParam, 20, 100), cursor, uri);
  }
}
