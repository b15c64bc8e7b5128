package jp.riss.guide.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.guide.organisation.Actor;
import jp.riss.guide.web.QueryParams;
import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** An organisation's PDCA history. */
@Path("/api/v1/guide/organisations/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPANY, Roles.SUPPORT_BODY})
public class HistoryResource {

  @Inject OrganisationHistory history;
  @Inject JsonWebToken token;

  @GET
  public OrganisationHistory.History get(
      @PathParam("id") @Size(max = 36) String id, @Context UriInfo uri) {
    QueryParams.only(uri, Set.of());
    return history.of(id, Actor.of(token));
  }
}
