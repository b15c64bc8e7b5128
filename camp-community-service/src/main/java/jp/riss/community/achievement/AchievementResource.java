package jp.riss.community.achievement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.community.support.Caller;
import jp.riss.community.support.QueryParams;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.PageLimit;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Achievements and participation reports: members write and consent, the camp office reviews. */
@Path("/api/v1/community/achievements")
@Produces(MediaType.APPLICATION_JSON)
public class AchievementResource {

  @Inject Achievements achievements;
  @Inject ItemConsents consents;
  @Inject JsonWebToken token;
  @Context UriInfo uri;

  @GET
  @RolesAllowed({Roles.ALUMNI, Roles.CAMP_OFFICE})
  public AchievementViews.Page list() {
    QueryParams.only(uri.getQueryParameters(), Set.of("state", "limit", "cursor"));
    var q = uri.getQueryParameters();
    return achievements.list(
        Caller.of(token),
        q.getFirst("state"),
        Keyset.decode(q.getFirst("cursor")),
        PageLimit.parse(q.getFirst("limit"), 20, 100),
        uri);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response create(AchievementViews.Input body) {
    AchievementViews.Achievement view = achievements.create(Caller.of(token), body);
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
        .entity(view)
        .tag(Preconditions.etag(view.version()))
        .build();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ALUMNI, Roles.CAMP_OFFICE})
  public Response get(@PathParam("id") String id) {
    return tagged(achievements.get(Caller.of(token), Ids.uuid("id", id)));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response update(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 100) String ifMatch,
      AchievementViews.Input body) {
    return tagged(achievements.update(Caller.of(token), Ids.uuid("id", id), ifMatch, body));
  }

  @POST
  @Path("/{id}/submission")
  @RolesAllowed(Roles.ALUMNI)
  public Response submit(@PathParam("id") String id) {
    return tagged(achievements.submit(Caller.of(token), Ids.uuid("id", id)));
  }

  @PUT
  @Path("/{id}/consents/me")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response consent(@PathParam("id") String id, AchievementViews.ConsentInput body) {
    return tagged(consents.decide(Caller.of(token), Ids.uuid("id", id), body));
  }

  @POST
  @Path("/{id}/review")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response review(@PathParam("id") String id, AchievementViews.ReviewInput body) {
    return tagged(achievements.review(Caller.of(token), Ids.uuid("id", id), body));
  }

  @POST
  @Path("/{id}/publication")
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response publish(@PathParam("id") String id) {
    return tagged(achievements.publish(Caller.of(token), Ids.uuid("id", id)));
  }

  @POST
  @Path("/{id}/withdrawal")
  @RolesAllowed({Roles.ALUMNI, Roles.CAMP_OFFICE})
  public Response withdraw(@PathParam("id") String id) {
    return tagged(achievements.withdraw(Caller.of(token), Ids.uuid("id", id)));
  }

  private static Response tagged(AchievementViews.Achievement view) {
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }
}
