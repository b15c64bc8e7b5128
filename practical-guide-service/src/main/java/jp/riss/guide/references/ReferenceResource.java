package jp.riss.guide.references;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import jp.riss.guide.web.CachedRead;
import jp.riss.guide.web.Params;
import jp.riss.guide.web.QueryParams;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.idempotency.IdempotentRequests.Fingerprint;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The resources the guide cites, with their link state; editors correct and add them. */
@Path("/api/v1/guide/resources")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

  @Inject References references;
  @Inject IdempotentRequests idempotency;
  @Inject JsonWebToken token;
  @Inject ObjectMapper json;

  @GET
  @PermitAll
  public Response list(
      @QueryParam("step") @Size(max = 1) String step,
      @QueryParam("kind") String kind,
      @QueryParam("linkState") String linkState,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, Set.of("step", "kind", "linkState", "lang"));
    return references
        .list(
            Params.step("step", step),
            Params.oneOf("kind", kind, Reference.KINDS),
            Params.oneOf("linkState", linkState, Reference.LINK_STATES),
            Language.negotiate(lang, accept))
        .respond(ifNoneMatch, json);
  }

  @GET
  @Path("/{number}")
  @PermitAll
  public Response get(
      @PathParam("number") @Size(max = 4) String number,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, Set.of("lang"));
    return references
        .get(Params.number("number", number, 1, 9_999), Language.negotiate(lang, accept))
        .respond(ifNoneMatch, json);
  }

  @POST
  @RolesAllowed(Roles.IPA_ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @NotNull ReferenceChange body,
      @Context UriInfo uri) {
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new Fingerprint("POST", uri.getPath(), body),
        () -> {
          Reference r = references.add(body, token.getSubject());
          return Response.created(
                  uri.getAbsolutePathBuilder().path(Integer.toString(r.number())).build())
              .tag(Preconditions.etag(r.revision()))
              .entity(r)
              .build();
        });
  }

  @PATCH
  @Path("/{number}")
  @RolesAllowed(Roles.IPA_ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response change(
      @PathParam("number") @Size(max = 4) String number,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 200) String ifMatch,
      @NotNull ReferenceChange body) {
    Reference r =
        references.change(
            Params.number("number", number, 1, 9_999), ifMatch, body, token.getSubject());
    return Response.ok(r).tag(Preconditions.etag(r.revision())).build();
  }
}
