package jp.riss.community.opportunity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/**
 * Opportunities: the camp office offers them and selects among the interested; members read those
 * that target them and express or withdraw interest. The kinds are public reference data.
 */
@Path("/api/v1/community")
@Produces(MediaType.APPLICATION_JSON)
public class OpportunityResource {

  @Inject Opportunities opportunities;
  @Inject Interests interests;
  @Inject OpportunityKinds kinds;
  @Inject JsonWebToken token;

  @GET
  @Path("/opportunity-kinds")
  @PermitAll
  public OpportunityKinds.Kinds kinds() {
    return kinds.all();
  }

  @GET
  @Path("/opportunities")
  @RolesAllowed({Roles.ALUMNI, Roles.CAMP_OFFICE})
  public Opportunities.Page list(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return opportunities.list(
        Caller.of(token),
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 20, 50),
        uri);
  }

  @POST
  @Path("/opportunities")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response create(OpportunityInput body, @Context UriInfo uri) {
    OpportunityView view = opportunities.create(body);
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
        .entity(view)
        .tag(Preconditions.etag(view.version()))
        .build();
  }

  @GET
  @Path("/opportunities/{id}")
  @RolesAllowed({Roles.ALUMNI, Roles.CAMP_OFFICE})
  public Response get(@PathParam("id") String id) {
    OpportunityView view = opportunities.get(Ids.uuid("id", id), Caller.of(token));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @PUT
  @Path("/opportunities/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response update(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 100) String ifMatch,
      OpportunityInput body) {
    OpportunityView view = opportunities.update(Ids.uuid("id", id), ifMatch, body);
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @POST
  @Path("/opportunities/{id}/cancellation")
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response cancel(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 100) String ifMatch) {
    OpportunityView view = opportunities.cancel(Ids.uuid("id", id), ifMatch);
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @POST
  @Path("/opportunities/{id}/interests")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response express(@PathParam("id") String id, Interests.InterestInput body) {
    return Response.status(201)
        .entity(interests.express(token.getSubject(), Ids.uuid("id", id), body))
        .build();
  }

  @DELETE
  @Path("/opportunities/{id}/interests/me")
  @RolesAllowed(Roles.ALUMNI)
  public Response withdraw(@PathParam("id") String id) {
    interests.withdraw(token.getSubject(), Ids.uuid("id", id));
    return Response.noContent().build();
  }

  @GET
  @Path("/opportunities/{id}/interests")
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Interests.Page<Interests.Candidate> candidates(
      @PathParam("id") String id, @Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return interests.candidates(
        Ids.uuid("id", id),
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 20, 100),
        uri);
  }

  @POST
  @Path("/opportunities/{id}/selections")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Interests.Candidate select(@PathParam("id") String id, Interests.SelectionInput body) {
    return interests.select(Ids.uuid("id", id), body);
  }
}
