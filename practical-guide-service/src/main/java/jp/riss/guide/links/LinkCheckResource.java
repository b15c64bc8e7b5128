package jp.riss.guide.links;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** On-demand link checks for IPA's editors, and what each run found. */
@Path("/api/v1/guide/link-checks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.IPA_ADMIN)
public class LinkCheckResource {

  @Inject LinkChecks checks;
  @Inject LinkCheckRuns runs;
  @Inject JsonWebToken token;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(@Valid LinkChecks.Request body, @Context UriInfo uri) {
    UUID run = checks.start(body, "on-demand", token.getSubject());
    return Response.accepted(new Started(run))
        .location(uri.getAbsolutePathBuilder().path(run.toString()).build())
        .build();
  }

  @GET
  @Path("/{id}")
  public LinkCheckRuns.RunView run(@PathParam("id") @Size(max = 36) String id) {
    return runs.view(Ids.uuid("id", id));
  }

  /** The id of the run just started; follow Location to see its progress. */
  public record Started(UUID id) {}
}
