package jp.riss.activelist.ethics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.riss.activelist.history.ListingHistory.Actor;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.review.ListingViews;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** An owner accepting the current ethics pledge for their listing (a listing criterion). */
@Path("/api/v1/active-list/listings")
@Produces(MediaType.APPLICATION_JSON)
public class PledgeAcceptanceResource {

  public record Acceptance(@NotBlank @Size(max = 50) String version) {}

  @Inject EthicsPledges pledges;
  @Inject ListingViews views;
  @Inject JsonWebToken token;

  @POST
  @Path("/{id}/ethics-pledge")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SPECIALIST)
  public Response accept(
      @PathParam("id") @Size(max = 36) String id, @Valid @NotNull Acceptance body) {
    Listing listing =
        pledges.accept(
            Ids.uuid("id", id), new Actor(token.getSubject(), Roles.SPECIALIST), body.version());
    return views.ok(listing);
  }
}
