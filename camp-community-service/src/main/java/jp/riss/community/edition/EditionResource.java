package jp.riss.community.edition;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import jp.riss.community.support.QueryParams;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.Preconditions;

/** Editions of the programmes: public to read, the camp office's to manage. */
@Path("/api/v1/community/editions")
@Produces(MediaType.APPLICATION_JSON)
public class EditionResource {

  public record Items(List<Editions.EditionView> items) {}

  @Inject Editions editions;
  @Inject EditionApplications applications;

  @GET
  @PermitAll
  public Items list(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("programme"));
    return new Items(editions.list(uri.getQueryParameters().getFirst("programme")));
  }

  @GET
  @Path("/{id}")
  @PermitAll
  public Response get(@PathParam("id") String id) {
    Editions.EditionView view = editions.get(Ids.uuid("id", id));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response create(Editions.EditionInput body, @Context UriInfo uri) {
    Editions.EditionView view = editions.create(body);
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
        .entity(view)
        .tag(Preconditions.etag(view.version()))
        .build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response update(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 100) String ifMatch,
      Editions.EditionInput body) {
    Editions.EditionView view = editions.update(Ids.uuid("id", id), ifMatch, body);
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  /** The camp office records who applied and who took part; the counts come from these rows. */
  @POST
  @Path("/{id}/applications")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public EditionApplications.Recorded applications(
      @PathParam("id") String id, EditionApplications.Batch body) {
    return applications.record(Ids.uuid("id", id), body);
  }
}
