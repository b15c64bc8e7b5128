package jp.riss.community.call;

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
import jp.riss.community.support.QueryParams;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.PageLimit;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Government calls: issued by a government body (or posted by the camp office), answered by the
 * members they target; responses and the contact export are the issuer's and the camp office's.
 */
@Path("/api/v1/community/government-calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

  @Inject Calls calls;
  @Inject CallResponses responses;
  @Inject JsonWebToken token;

  @GET
  @RolesAllowed({Roles.ALUMNI, Roles.CAMP_OFFICE, Roles.GOVERNMENT_BODY})
  public Calls.Page list(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return calls.list(
        CallCaller.of(token),
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 20, 50),
        uri);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CAMP_OFFICE, Roles.GOVERNMENT_BODY})
  public Response create(CallInput body, @Context UriInfo uri) {
    CallView view = calls.create(body, CallCaller.of(token));
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
        .entity(view)
        .tag(Preconditions.etag(view.version()))
        .build();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ALUMNI, Roles.CAMP_OFFICE, Roles.GOVERNMENT_BODY})
  public Response get(@PathParam("id") String id) {
    CallView view = calls.get(Ids.uuid("id", id), CallCaller.of(token));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @POST
  @Path("/{id}/responses")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response respond(@PathParam("id") String id, CallResponses.ResponseInput body) {
    return Response.status(201)
        .entity(responses.respond(token.getSubject(), Ids.uuid("id", id), body))
        .build();
  }

  @GET
  @Path("/{id}/responses")
  @RolesAllowed({Roles.CAMP_OFFICE, Roles.GOVERNMENT_BODY})
  public CallResponses.Page<CallResponses.Response> responses(
      @PathParam("id") String id, @Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return responses.responses(
        Ids.uuid("id", id),
        CallCaller.of(token),
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 20, 100),
        uri);
  }

  @GET
  @Path("/{id}/contacts")
  @RolesAllowed({Roles.CAMP_OFFICE, Roles.GOVERNMENT_BODY})
  public CallResponses.Page<CallResponses.Contact> contacts(
      @PathParam("id") String id, @Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return responses.contacts(
        Ids.uuid("id", id),
        CallCaller.of(token),
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 20, 100),
        uri);
  }
}
