package jp.riss.community.connect;

import jakarta.annotation.security.PermitAll;
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
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Camp Connect calls: public to read (prospective applicants read them before they have an
 * account's worth of reasons to log in); created, staffed and closed with results by the camp
 * office; applied to by members; reviewed by the call's reviewers; counted for its sponsors.
 */
@Path("/api/v1/community/connect-calls")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectCallResource {

  @Inject Calls calls;
  @Inject CallPanel panel;
  @Inject Applications applications;
  @Inject Reviews reviews;
  @Inject ConnectStatistics statistics;
  @Inject JsonWebToken token;

  @GET
  @PermitAll
  public Calls.Page list(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return calls.list(
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 20, 50),
        uri);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response create(Calls.CallInput body, @Context UriInfo uri) {
    Calls.CallView view = calls.create(body);
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
        .entity(view)
        .tag(Preconditions.etag(view.version()))
        .build();
  }

  @GET
  @Path("/{id}")
  @PermitAll
  public Response get(@PathParam("id") String id) {
    Calls.CallView view = calls.get(Ids.uuid("id", id));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @POST
  @Path("/{id}/results")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Calls.CallView results(@PathParam("id") String id, Calls.ResultsInput body) {
    return calls.publishResults(Ids.uuid("id", id), body);
  }

  @POST
  @Path("/{id}/reviewers")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public CallPanel.Reviewers reviewer(@PathParam("id") String id, CallPanel.ReviewerInput body) {
    return panel.assignReviewer(Ids.uuid("id", id), body);
  }

  @POST
  @Path("/{id}/sponsors")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public CallPanel.Sponsors sponsor(@PathParam("id") String id, CallPanel.SponsorInput body) {
    return panel.assignSponsor(Ids.uuid("id", id), body);
  }

  @POST
  @Path("/{id}/applications")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response apply(@PathParam("id") String id, Applications.ApplicationInput body) {
    return Response.status(201)
        .entity(applications.apply(token.getSubject(), Ids.uuid("id", id), body))
        .build();
  }

  @GET
  @Path("/{id}/applications")
  @RolesAllowed({Roles.CAMP_OFFICE, Roles.CONNECT_REVIEWER})
  public Reviews.Page applications(@PathParam("id") String id, @Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor", "themeId", "state"));
    var q = uri.getQueryParameters();
    return reviews.list(
        Ids.uuid("id", id),
        Caller.of(token),
        q.getFirst("themeId"),
        q.getFirst("state"),
        q.getFirst("cursor"),
        PageLimit.parse(q.getFirst("limit"), 50, 200),
        uri);
  }

  @GET
  @Path("/{id}/statistics")
  @RolesAllowed({Roles.CAMP_OFFICE, Roles.SPONSOR})
  public ConnectStatistics.Statistics statistics(@PathParam("id") String id) {
    return statistics.of(Ids.uuid("id", id), Caller.of(token));
  }
}
