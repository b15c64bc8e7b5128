package jp.riss.community.event;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Members' personal calendar feeds (an event's own calendar is under {@link EventResource}). */
@Path("/api/v1/community")
public class CalendarResource {

  @Inject CalendarFeeds feeds;
  @Inject JsonWebToken token;

  @POST
  @Path("/calendar-feed")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response create() {
    return Response.status(201).entity(feeds.create(token.getSubject())).build();
  }

  @DELETE
  @Path("/calendar-feed")
  @RolesAllowed(Roles.ALUMNI)
  public Response revoke() {
    feeds.revoke(token.getSubject());
    return Response.noContent().build();
  }

  /** No bearer token: calendar applications send none; the secret token is the proof. */
  @GET
  @Path("/calendar-feeds/{token}")
  @Produces(ICalendar.MEDIA_TYPE)
  @PermitAll
  public Response feed(@PathParam("token") String secret) {
    return Response.ok(feeds.feed(secret), ICalendar.MEDIA_TYPE)
        .header("Cache-Control", "private, no-store")
        .build();
  }
}
