package jp.riss.guide.diagnosis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.guide.content.Language;
import jp.riss.guide.content.Reader;
import jp.riss.guide.web.CachedRead;
import jp.riss.guide.web.QueryParams;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.idempotency.IdempotentRequests.Fingerprint;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The self-diagnosis instruments: published versions are public so portals can render the
 * questions; IPA's editors draft and publish new versions (drafts are theirs and reviewers' only).
 */
@Path("/api/v1/guide/instruments")
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentResource {

  @Inject Instruments instruments;
  @Inject InstrumentEditing editing;
  @Inject IdempotentRequests idempotency;
  @Inject SecurityIdentity identity;
  @Inject JsonWebToken token;
  @Inject ObjectMapper json;

  @GET
  @PermitAll
  public Response list(
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, Set.of("lang"));
    return instruments
        .list(Language.negotiate(lang, accept), Reader.of(identity).editor())
        .respond(ifNoneMatch, json);
  }

  @GET
  @Path("/{code}/versions/{version}")
  @PermitAll
  public Response get(
      @PathParam("code") @Size(max = 40) String code,
      @PathParam("version") @Size(max = 40) String version,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, Set.of("lang"));
    return instruments
        .get(code, version, Language.negotiate(lang, accept), Reader.of(identity).editor())
        .respond(ifNoneMatch, json);
  }

  @POST
  @Path("/{code}/versions")
  @RolesAllowed(Roles.IPA_ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response draft(
      @PathParam("code") @Size(max = 40) String code,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @NotNull Instrument body,
      @Context UriInfo uri) {
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new Fingerprint("POST", uri.getPath(), body),
        () -> {
          Instruments.Stored s = editing.draft(code, body, token.getSubject());
          return Response.created(uri.getAbsolutePathBuilder().path(s.document().version()).build())
              .tag(Preconditions.etag(s.revision()))
              .entity(InstrumentView.of(s.document(), s.state(), Language.JA))
              .build();
        });
  }

  @PUT
  @Path("/{code}/versions/{version}")
  @RolesAllowed(Roles.IPA_ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replace(
      @PathParam("code") @Size(max = 40) String code,
      @PathParam("version") @Size(max = 40) String version,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 200) String ifMatch,
      @NotNull Instrument body) {
    Instruments.Stored s = editing.replace(code, version, ifMatch, body, token.getSubject());
    return Response.ok(InstrumentView.of(s.document(), s.state(), Language.JA))
        .tag(Preconditions.etag(s.revision()))
        .build();
  }

  @POST
  @Path("/{code}/versions/{version}/publish")
  @RolesAllowed(Roles.IPA_ADMIN)
  public Response publish(
      @PathParam("code") @Size(max = 40) String code,
      @PathParam("version") @Size(max = 40) String version,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 200) String ifMatch) {
    Instruments.Stored s = editing.publish(code, version, ifMatch, token.getSubject());
    return Response.ok(InstrumentView.of(s.document(), s.state(), Language.JA))
        .tag(Preconditions.etag(s.revision()))
        .build();
  }
}
