package jp.riss.community.event;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.community.support.QueryParams;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.PageLimit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A member's own registrations: list, accept an offered seat, cancel. */
@Path("/api/v1/community/event-registrations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ALUMNI)
public class RegistrationResource {

  @Inject Registrations registrations;
  @Inject JsonWebToken token;

  @GET
  public Registrations.Page<Registrations.RegistrationView> mine(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return registrations.mine(
        token.getSubject(),
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 20, 50),
        uri);
  }

  @POST
  @Path("/{id}/acceptance")
  public Registrations.RegistrationView accept(@PathParam("id") String id) {
    return registrations.accept(token.getSubject(), Ids.uuid("id", id));
  }

  @DELETE
  @Path("/{id}")
  public Registrations.RegistrationView cancel(@PathParam("id") String id) {
    return registrations.cancel(token.getSubject(), Ids.uuid("id", id));
  }
}
