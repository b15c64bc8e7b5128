package jp.riss.community.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The camp office's decisions on minors' requests for another guardian address. */
@Path("/api/v1/community/guardian-email-changes")
@Produces(MediaType.APPLICATION_JSON)
public class GuardianEmailChangeResource {

  public record Decision(Boolean confirm) {}

  public record Pending(List<GuardianEmailChanges.Request> items) {}

  @Inject GuardianEmailChanges changes;
  @Inject JsonWebToken token;

  @GET
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Pending pending() {
    return new Pending(changes.pending());
  }

  @POST
  @Path("/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public GuardianEmailChanges.Request decide(@PathParam("id") String id, Decision body) {
    return changes.decide(
        Ids.uuid("id", id), body == null ? null : body.confirm(), token.getSubject());
  }
}
