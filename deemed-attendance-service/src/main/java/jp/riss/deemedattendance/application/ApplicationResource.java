package jp.riss.deemedattendance.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import java.util.List;
import java.util.UUID;
import jp.riss.deemedattendance.application.Views.ApplicationSummary;
import jp.riss.deemedattendance.application.Views.ApplicationView;
import jp.riss.deemedattendance.application.Views.EntryView;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Cursors;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.PageLimit;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A specialist's deemed-attendance applications (drafts for now) and their experience entries.
 * Object-level: only the owner; anyone else's ids are "not found", like ids that do not exist.
 */
@Path("/api/v1/deemed-attendance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SPECIALIST)
public class ApplicationResource {

  /** A page; {@code next} is the relative link to the following one, absent on the last. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Page(List<ApplicationSummary> items, String next) {}

  @Inject Applications applications;
  @Inject ExperienceEntries entries;
  @Inject JsonWebToken token;
  @Inject IdempotentRequests idempotency;
  @Inject ApplicationViews views;

  @POST
  @Path("/applications")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @NotNull NewApplication body,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @Context UriInfo uri) {
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          Application application = applications.create(token.getSubject(), body);
          return Response.created(
                  uri.getAbsolutePathBuilder().path(application.id.toString()).build())
              .entity(ApplicationView.of(application))
              .build();
        });
  }

  @GET
  @Path("/applications/{id}")
  public Response get(@PathParam("id") String id) {
    ApplicationView application = views.owned(Ids.uuid("id", id), token.getSubject());
    return Response.ok(application).tag(Preconditions.etag(application.version())).build();
  }

  @POST
  @Path("/applications/{id}/submission")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch,
      @Valid @NotNull NewSubmission body) {
    ApplicationView application =
        views.submit(Ids.uuid("id", id), token.getSubject(), ifMatch, body);
    return Response.ok(application).tag(Preconditions.etag(application.version())).build();
  }

  @POST
  @Path("/applications/{id}/entries/{entryId}/attestation-requests")
  public Response requestAttestation(
      @PathParam("id") String id, @PathParam("entryId") String entryId) {
    EntryView entry =
        views.requestAttestation(
            Ids.uuid("id", id), Ids.uuid("entryId", entryId), token.getSubject());
    return Response.accepted(entry).tag(Preconditions.etag(entry.version())).build();
  }

  @DELETE
  @Path("/applications/{id}")
  public Response delete(@PathParam("id") String id) {
    applications.delete(Ids.uuid("id", id), token.getSubject());
    return Response.noContent().build();
  }

  @GET
  @Path("/me/applications")
  public Page mine(
      @QueryParam("limit") String limit,
      @QueryParam(Cursors.PARAM) @Size(max = 1024) String cursor,
      @Context UriInfo uri) {
    Keyset.Page<ApplicationSummary> page =
        views.mine(token.getSubject(), PageLimit.parse(limit, 20, 100), Keyset.decode(cursor));
    return new Page(page.items(), page.nextLink(uri));
  }

  @POST
  @Path("/applications/{id}/entries")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addEntry(
      @PathParam("id") String id,
      @Valid @NotNull EntryInput body,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @Context UriInfo uri) {
    UUID applicationId = Ids.uuid("id", id);
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          ExperienceEntry entry = entries.addEntry(applicationId, token.getSubject(), body);
          return Response.created(uri.getAbsolutePathBuilder().path(entry.id.toString()).build())
              .tag(Preconditions.etag(entry.version))
              .entity(EntryView.of(entry))
              .build();
        });
  }

  @GET
  @Path("/applications/{id}/entries/{entryId}")
  public Response getEntry(@PathParam("id") String id, @PathParam("entryId") String entryId) {
    UUID applicationId = Ids.uuid("id", id);
    UUID entryUuid = Ids.uuid("entryId", entryId);
    EntryView entry = views.entry(applicationId, entryUuid, token.getSubject());
    return Response.ok(entry).tag(Preconditions.etag(entry.version())).build();
  }

  @PUT
  @Path("/applications/{id}/entries/{entryId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replaceEntry(
      @PathParam("id") String id,
      @PathParam("entryId") String entryId,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch,
      @Valid @NotNull EntryInput body) {
    ExperienceEntry entry =
        entries.replaceEntry(
            Ids.uuid("id", id), Ids.uuid("entryId", entryId), token.getSubject(), ifMatch, body);
    return Response.ok(EntryView.of(entry)).tag(Preconditions.etag(entry.version)).build();
  }

  @DELETE
  @Path("/applications/{id}/entries/{entryId}")
  public Response deleteEntry(@PathParam("id") String id, @PathParam("entryId") String entryId) {
    entries.deleteEntry(Ids.uuid("id", id), Ids.uuid("entryId", entryId), token.getSubject());
    return Response.noContent().build();
  }
}
