package jp.riss.activelist.alumnus;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A specialist's Security Camp alumnus links: see, confirm, withdraw — their own listing only. */
@Path("/api/v1/active-list/alumnus-links")
@Produces(MediaType.APPLICATION_JSON)
public class AlumnusLinkResource {

  @Inject AlumnusLinks links;
  @Inject JsonWebToken token;

  @GET
  @RolesAllowed(Roles.SPECIALIST)
  public AlumnusLinks.Items mine() {
    return links.mine(token.getSubject());
  }

  @POST
  @Path("/{id}/confirmation")
  @RolesAllowed(Roles.SPECIALIST)
  public AlumnusLinks.LinkView confirm(@PathParam("id") @Size(max = 36) String id) {
    return links.confirm(token.getSubject(), Ids.uuid("id", id));
  }

  @POST
  @Path("/{id}/withdrawal")
  @RolesAllowed(Roles.SPECIALIST)
  public AlumnusLinks.LinkView withdraw(@PathParam("id") @Size(max = 36) String id) {
    return links.withdraw(token.getSubject(), Ids.uuid("id", id));
  }
}
