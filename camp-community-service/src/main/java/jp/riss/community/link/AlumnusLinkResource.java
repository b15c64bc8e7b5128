package jp.riss.community.link;

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
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A member's links to their Active List listing. */
@Path("/api/v1/community/active-list-links")
@Produces(MediaType.APPLICATION_JSON)
public class AlumnusLinkResource {

  @Inject AlumnusLinks links;
  @Inject JsonWebToken token;
  @Context UriInfo uri;

  @GET
  @RolesAllowed(Roles.ALUMNI)
  public AlumnusLinks.Items mine() {
    QueryParams.only(uri.getQueryParameters(), Set.of());
    return links.mine(token.getSubject());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response start(AlumnusLinks.Input body) {
    AlumnusLinks.Link link = links.start(token.getSubject(), body);
    return Response.created(uri.getAbsolutePathBuilder().path(link.id().toString()).build())
        .entity(link)
        .build();
  }

  @POST
  @Path("/{id}/withdrawal")
  @RolesAllowed(Roles.ALUMNI)
  public AlumnusLinks.Link withdraw(@PathParam("id") String id) {
    return links.withdraw(token.getSubject(), Ids.uuid("id", id));
  }
}
