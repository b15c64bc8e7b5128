package jp.riss.community.moderation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import jp.riss.platform.web.PageLimit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reports by members; cases, actions and appeal decisions by moderators; appeals by authors. */
@Path("/api/v1/community")
@Produces(MediaType.APPLICATION_JSON)
public class ModerationResource {

  @Inject Moderation moderation;
  @Inject Appeals appeals;
  @Inject JsonWebToken token;

  @POST
  @Path("/moderation-reports")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response report(Moderation.ReportInput body) {
    return Response.status(201).entity(moderation.report(body, Caller.of(token))).build();
  }

  @GET
  @Path("/moderation-cases")
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Moderation.Queue queue(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return moderation.queue(
        Caller.of(token),
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 20, 100),
        uri);
  }

  @GET
  @Path("/moderation-cases/{id}")
  @RolesAllowed(Roles.CAMP_OFFICE)
  public ModerationViews.CaseView get(@PathParam("id") String id) {
    return moderation.get(Ids.uuid("id", id), Caller.of(token));
  }

  @POST
  @Path("/moderation-cases/{id}/actions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public ModerationViews.CaseView act(@PathParam("id") String id, Moderation.ActionInput body) {
    return moderation.act(Ids.uuid("id", id), body, Caller.of(token));
  }

  @POST
  @Path("/moderation-actions/{id}/appeal")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response appeal(@PathParam("id") String id, Appeals.AppealInput body) {
    return Response.status(201)
        .entity(appeals.appeal(Ids.uuid("id", id), body, Caller.of(token)))
        .build();
  }

  @POST
  @Path("/moderation-actions/{id}/appeal/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public ModerationViews.CaseView decide(
      @PathParam("id") String id, Appeals.AppealDecisionInput body) {
    return appeals.decideAppeal(Ids.uuid("id", id), body, Caller.of(token));
  }
}
