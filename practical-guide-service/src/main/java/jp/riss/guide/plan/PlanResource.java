package jp.riss.guide.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** One action plan, and marking its actions done. */
@Path("/api/v1/guide/action-plans/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPANY, Roles.SUPPORT_BODY})
public class PlanResource {

  @Inject Plans plans;
  @Inject JsonWebToken token;

  /** When an action was done; today in Japan when absent. */
  public record Done(@Size(max = 10) String doneOn) {}

  @GET
  public Plan get(@PathParam("id") @Size(max = 36) String id, @Context UriInfo uri) {
    QueryParams.only(uri, Set.of());
    return plans.get(id, Actor.of(token));
  }

  @POST
  @Path("/actions/{actionId}/done")
  @Consumes(MediaType.APPLICATION_JSON)
  public Plan done(
      @PathParam("id") @Size(max = 36) String id,
      @PathParam("actionId") @Size(max = 36) String actionId,
      @Valid Done body) {
    return plans.done(id, actionId, body == null ? null : body.doneOn(), Actor.of(token));
  }
}
