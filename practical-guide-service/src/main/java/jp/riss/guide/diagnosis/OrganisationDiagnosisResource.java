package jp.riss.guide.diagnosis;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import jp.riss.guide.organisation.Actor;
import jp.riss.guide.web.QueryParams;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.idempotency.IdempotentRequests.Fingerprint;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Cursors;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.PageLimit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** An organisation's diagnoses: submit one (it completes at once) and read the history. */
@Path("/api/v1/guide/organisations/{id}/diagnoses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPANY, Roles.SUPPORT_BODY})
public class OrganisationDiagnosisResource {

  @Inject Diagnoses diagnoses;
  @Inject IdempotentRequests idempotency;
  @Inject JsonWebToken token;

  /** A page of the history, oldest first. */
  public record Page(List<DiagnosisView.Summary> items, String next) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(
      @PathParam("id") @Size(max = 36) String id,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @Valid @NotNull Submission body,
      @Context UriInfo uri) {
    Actor actor = Actor.of(token);
    return idempotency.once(
        actor.subject(),
        idempotencyKey,
        new Fingerprint("POST", uri.getPath(), body),
        () -> {
          Diagnosis d = diagnoses.submit(id, body, actor);
          return Response.created(java.net.URI.create("/api/v1/guide/diagnoses/" + d.id()))
              .entity(DiagnosisView.of(d))
              .build();
        });
  }

  @GET
  public Page history(
      @PathParam("id") @Size(max = 36) String id,
      @QueryParam("limit") String limit,
      @QueryParam(Cursors.PARAM) @Size(max = 500) String cursor,
      @Context UriInfo uri) {
    QueryParams.only(uri, Set.of("limit", Cursors.PARAM));
    Keyset.Page<DiagnosisView.Summary> page =
        diagnoses.list(id, Actor.of(token), Keyset.decode(cursor), PageLimit.parse(limit, 20, 100));
    return new Page(page.items(), page.nextLink(uri));
  }
}
