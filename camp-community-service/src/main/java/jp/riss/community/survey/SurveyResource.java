package jp.riss.community.survey;

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
import jp.riss.platform.web.PageLimit;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Surveys: the camp office makes them and reads results; members answer once. */
@Path("/api/v1/community/surveys")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

  @Inject Surveys surveys;
  @Inject SurveyResponses responses;
  @Inject SurveyResults results;
  @Inject JsonWebToken token;

  @GET
  @RolesAllowed({Roles.ALUMNI, Roles.CAMP_OFFICE})
  public Surveys.Page list(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return surveys.list(
        Caller.of(token),
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 20, 50),
        uri);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response create(Surveys.SurveyInput body, @Context UriInfo uri) {
    Surveys.SurveyView view = surveys.create(body);
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
        .entity(view)
        .tag(Preconditions.etag(view.version()))
        .build();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ALUMNI, Roles.CAMP_OFFICE})
  public Response get(@PathParam("id") String id) {
    Surveys.SurveyView view = surveys.get(Ids.uuid("id", id), Caller.of(token));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response update(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 100) String ifMatch,
      Surveys.SurveyInput body) {
    Surveys.SurveyView view = surveys.update(Ids.uuid("id", id), ifMatch, body);
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @POST
  @Path("/{id}/responses")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response respond(@PathParam("id") String id, SurveyResponses.ResponseInput body) {
    return Response.status(201)
        .entity(responses.respond(token.getSubject(), Ids.uuid("id", id), body))
        .build();
  }

  @GET
  @Path("/{id}/results")
  @RolesAllowed(Roles.CAMP_OFFICE)
  public SurveyResults.Results results(@PathParam("id") String id) {
    return results.of(Ids.uuid("id", id));
  }
}
