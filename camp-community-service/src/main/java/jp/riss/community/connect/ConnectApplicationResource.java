package jp.riss.community.connect;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.community.support.Caller;
import jp.riss.community.support.QueryParams;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.PageLimit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * One Connect application: the applicant's own view and moves (withdraw, decline, take an offered
 * place), a reviewer's conflict and scores, and the camp office's decision.
 */
@Path("/api/v1/community/connect-applications")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectApplicationResource {

  @Inject Applications applications;
  @Inject Reviews reviews;
  @Inject Decisions decisions;
  @Inject JsonWebToken token;

  @GET
  @RolesAllowed(Roles.ALUMNI)
  public Applications.Page mine(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return applications.mine(
        token.getSubject(),
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 20, 50),
        uri);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.ALUMNI)
  public Applications.ApplicationView get(@PathParam("id") String id) {
    return applications.get(token.getSubject(), Ids.uuid("id", id));
  }

  @POST
  @Path("/{id}/withdrawal")
  @RolesAllowed(Roles.ALUMNI)
  public Applications.ApplicationView withdraw(@PathParam("id") String id) {
    return applications.withdraw(token.getSubject(), Ids.uuid("id", id));
  }

  @POST
  @Path("/{id}/decline")
  @RolesAllowed(Roles.ALUMNI)
  public Applications.ApplicationView decline(@PathParam("id") String id) {
    return applications.decline(token.getSubject(), Ids.uuid("id", id));
  }

  @POST
  @Path("/{id}/acceptance")
  @RolesAllowed(Roles.ALUMNI)
  public Applications.ApplicationView take(@PathParam("id") String id) {
    return applications.take(token.getSubject(), Ids.uuid("id", id));
  }

  @POST
  @Path("/{id}/conflict")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CONNECT_REVIEWER)
  public Reviews.ReviewItem conflict(@PathParam("id") String id, Reviews.ConflictInput body) {
    return reviews.declareConflict(token.getSubject(), Ids.uuid("id", id), body);
  }

  @PUT
  @Path("/{id}/reviews/me")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CONNECT_REVIEWER)
  public Reviews.ReviewItem review(@PathParam("id") String id, Reviews.ReviewInput body) {
    return reviews.review(token.getSubject(), Ids.uuid("id", id), body);
  }

  @POST
  @Path("/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Reviews.ReviewItem decide(@PathParam("id") String id, Decisions.DecisionInput body) {
    return decisions.decide(Ids.uuid("id", id), body, Caller.of(token));
  }
}
