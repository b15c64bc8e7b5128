package jp.riss.guide.organisation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.guide.web.QueryParams;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.idempotency.IdempotentRequests.Fingerprint;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Cursors;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.PageLimit;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Organisations (owned by the company that created them) and the consents that let support bodies
 * act for them.
 */
@Path("/api/v1/guide/organisations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

  private static final Set<String> PAGING = Set.of("limit", Cursors.PARAM);

  @Inject Organisations organisations;
  @Inject IdempotentRequests idempotency;
  @Inject JsonWebToken token;

  /** A page of organisations; {@code next} is the link to the following page. */
  public record Page(java.util.List<OrganisationView> items, String next) {}

  /** A page of acts. */
  public record Acts(java.util.List<OrganisationStore.Act> items, String next) {}

  /** Where a page of acts ends. */
  public record ActPosition(long id) {}

  @POST
  @RolesAllowed(Roles.COMPANY)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @NotNull OrganisationData body,
      @Context UriInfo uri) {
    Actor actor = Actor.of(token);
    return idempotency.once(
        actor.subject(),
        idempotencyKey,
        new Fingerprint("POST", uri.getPath(), body),
        () -> {
          Organisation o = organisations.create(body, actor);
          return Response.created(uri.getAbsolutePathBuilder().path(o.id().toString()).build())
              .tag(Preconditions.etag(o.revision()))
              .entity(OrganisationView.of(o, actor))
              .build();
        });
  }

  @GET
  @RolesAllowed({Roles.COMPANY, Roles.SUPPORT_BODY})
  public Page list(
      @QueryParam("limit") String limit,
      @QueryParam(Cursors.PARAM) @Size(max = 500) String cursor,
      @Context UriInfo uri) {
    QueryParams.only(uri, PAGING);
    Keyset.Page<OrganisationView> page =
        organisations.list(Actor.of(token), Keyset.decode(cursor), PageLimit.parse(limit, 20, 100));
    return new Page(page.items(), page.nextLink(uri));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.COMPANY, Roles.SUPPORT_BODY})
  public Response get(@PathParam("id") @Size(max = 36) String id, @Context UriInfo uri) {
    QueryParams.only(uri, Set.of());
    Actor actor = Actor.of(token);
    Organisation o = organisations.get(id, actor);
    return Response.ok(OrganisationView.of(o, actor)).tag(Preconditions.etag(o.revision())).build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.COMPANY)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replace(
      @PathParam("id") @Size(max = 36) String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 200) String ifMatch,
      @NotNull OrganisationData body) {
    Actor actor = Actor.of(token);
    Organisation o = organisations.replace(id, ifMatch, body, actor);
    return Response.ok(OrganisationView.of(o, actor)).tag(Preconditions.etag(o.revision())).build();
  }

  @GET
  @Path("/{id}/consents")
  @RolesAllowed(Roles.COMPANY)
  public Organisations.Consents consents(
      @PathParam("id") @Size(max = 36) String id, @Context UriInfo uri) {
    QueryParams.only(uri, Set.of());
    return organisations.consents(id, Actor.of(token));
  }

  @PUT
  @Path("/{id}/consents/{supportBody}")
  @RolesAllowed(Roles.COMPANY)
  public Response grant(
      @PathParam("id") @Size(max = 36) String id,
      @PathParam("supportBody") @Size(max = 200) String supportBody) {
    boolean granted = organisations.grant(id, supportBody, Actor.of(token));
    return Response.status(granted ? 201 : 204).build();
  }

  @DELETE
  @Path("/{id}/consents/{supportBody}")
  @RolesAllowed(Roles.COMPANY)
  public Response revoke(
      @PathParam("id") @Size(max = 36) String id,
      @PathParam("supportBody") @Size(max = 200) String supportBody) {
    organisations.revoke(id, supportBody, Actor.of(token));
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/acts")
  @RolesAllowed({Roles.COMPANY, Roles.SUPPORT_BODY})
  public Acts acts(
      @PathParam("id") @Size(max = 36) String id,
      @QueryParam("limit") String limit,
      @QueryParam(Cursors.PARAM) @Size(max = 500) String cursor,
      @Context UriInfo uri) {
    QueryParams.only(uri, PAGING);
    ActPosition after = Cursors.decode(cursor, ActPosition.class);
    Organisations.Acts acts =
        organisations.acts(
            id,
            Actor.of(token),
            after == null ? null : after.id(),
            PageLimit.parse(limit, 50, 200));
    return new Acts(
        acts.items(),
        acts.next() == null ? null : Cursors.nextLink(uri, new ActPosition(acts.next())));
  }
}
