package jp.riss.activelist.listing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.riss.activelist.history.ListingHistory.Actor;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.PageLimit;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/active-list/listings")
@Produces(MediaType.APPLICATION_JSON)
public class ListingResource {

  @Inject ListingService listings;
  @Inject JsonWebToken token;
  @Inject IdempotentRequests idempotency;
  @Inject ListingViewer viewer;
  @Inject ListingReads reads;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SPECIALIST)
  public Response create(
      @Valid @NotNull NewListing body,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @Context UriInfo uri) {
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          Listing listing = listings.create(actor(Roles.SPECIALIST), body);
          return Response.created(uri.getAbsolutePathBuilder().path(listing.id.toString()).build())
              .tag(Preconditions.etag(listing.version))
              .entity(view(listing))
              .build();
        });
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SPECIALIST)
  public Response update(
      @PathParam("id") @Size(max = 36) String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch,
      @Valid @NotNull SelfDeclared body) {
    Listing listing = listings.update(Ids.uuid("id", id), actor(Roles.SPECIALIST), ifMatch, body);
    return Response.ok(view(listing)).tag(etag(listing)).build();
  }

  @GET
  @Path("/{id}")
  @PermitAll
  public Response get(@PathParam("id") @Size(max = 36) String id) {
    ListingView listing = reads.view(Ids.uuid("id", id), token);
    return Response.ok(listing).tag(Preconditions.etag(listing.version())).build();
  }

  @POST
  @Path("/{id}/withdraw")
  @RolesAllowed(Roles.SPECIALIST)
  public Response withdraw(@PathParam("id") @Size(max = 36) String id) {
    Listing listing = listings.withdraw(Ids.uuid("id", id), actor(Roles.SPECIALIST));
    return Response.ok(view(listing)).tag(etag(listing)).build();
  }

  @GET
  @Path("/{id}/history")
  @RolesAllowed({Roles.SPECIALIST, Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public HistoryPage history(
      @PathParam("id") @Size(max = 36) String id,
      @QueryParam("limit") String limitParam,
      @QueryParam("cursor") @Size(max = 500) String cursor) {
    int limit = PageLimit.parse(limitParam, 50, 200);
    return reads.history(Ids.uuid("id", id), token, limit, cursor, uri);
  }

  private ListingView view(Listing listing) {
    return viewer.of(listing);
  }

  private Actor actor(String role) {
    return new Actor(token.getSubject(), role);
  }

  private static EntityTag etag(Listing listing) {
    return Preconditions.etag(listing.version);
  }
}
