package jp.riss.activelist.listing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.Set;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/active-list/listings")
@Produces(MediaType.APPLICATION_JSON)
public class ListingResource {

  private static final Set<ListingStatus> PUBLIC = EnumSet.of(ListingStatus.PUBLISHED);

  @Inject ListingService listings;
  @Inject JsonWebToken token;
  @Inject IdempotentRequests idempotency;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SPECIALIST)
  public Response create(
      @Valid @NotNull NewListing body,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @Context UriInfo uri) {
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new Fingerprint("POST", uri.getPath(), body),
        () -> {
          Listing listing = listings.create(token.getSubject(), body);
          return Response.created(uri.getAbsolutePathBuilder().path(listing.id.toString()).build())
              .tag(Preconditions.etag(listing.version))
              .entity(ListingView.of(listing))
              .build();
        });
  }

  /** What a retried create must repeat exactly to be answered from the first attempt. */
  record Fingerprint(String method, String path, Object body) {}

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SPECIALIST)
  public Response update(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
      @Valid @NotNull ListingChanges body) {
    Listing listing = listings.update(Ids.uuid("id", id), token.getSubject(), ifMatch, body);
    return Response.ok(ListingView.of(listing)).tag(etag(listing)).build();
  }

  @GET
  @Path("/{id}")
  @PermitAll
  @Transactional
  public Response get(@PathParam("id") String id) {
    Listing listing = listings.require(Ids.uuid("id", id));
    if (!PUBLIC.contains(listing.status) && !maySeeUnpublished(listing)) {
      throw ProblemException.notFound("listing " + id);
    }
    return Response.ok(ListingView.of(listing)).tag(etag(listing)).build();
  }

  @POST
  @Path("/{id}/publish")
  @RolesAllowed(Roles.IPA_REVIEWER)
  public Response publish(@PathParam("id") String id) {
    Listing listing = listings.publish(Ids.uuid("id", id));
    return Response.ok(ListingView.of(listing)).tag(etag(listing)).build();
  }

  @POST
  @Path("/{id}/withdraw")
  @RolesAllowed(Roles.SPECIALIST)
  public Response withdraw(@PathParam("id") String id) {
    Listing listing = listings.withdraw(Ids.uuid("id", id), token.getSubject());
    return Response.ok(ListingView.of(listing)).tag(etag(listing)).build();
  }

  private boolean maySeeUnpublished(Listing listing) {
    if (token.getRawToken() == null) {
      return false;
    }
    Set<String> groups = token.getGroups();
    return listing.isOwnedBy(token.getSubject())
        || groups.contains(Roles.IPA_REVIEWER)
        || groups.contains(Roles.IPA_ADMIN);
  }

  private static EntityTag etag(Listing listing) {
    return Preconditions.etag(listing.version);
  }
}
