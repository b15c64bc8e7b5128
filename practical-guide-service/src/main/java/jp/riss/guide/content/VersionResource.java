package jp.riss.guide.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jp.riss.guide.web.CachedRead;
import jp.riss.guide.web.Params;
import jp.riss.guide.web.QueryParams;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.idempotency.IdempotentRequests.Fingerprint;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Guide versions: public reads of published and retired versions (editors and reviewers also see
 * drafts and versions in review), and the editing workflow.
 */
@Path("/api/v1/guide/versions")
@Produces(MediaType.APPLICATION_JSON)
public class VersionResource {

  private static final Set<String> LANG = Set.of("lang");

  @Inject GuideReads reads;
  @Inject GuideEditing editing;
  @Inject IdempotentRequests idempotency;
  @Inject SecurityIdentity identity;
  @Inject JsonWebToken token;
  @Inject ObjectMapper json;

  @GET
  @PermitAll
  public Response versions(
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, LANG);
    return reads
        .versions(Reader.of(identity), Language.negotiate(lang, accept))
        .respond(ifNoneMatch, json);
  }

  @GET
  @Path("/{version}")
  @PermitAll
  public Response version(
      @PathParam("version") @Size(max = 40) String version,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, LANG);
    return reads
        .version(version, Reader.of(identity), Language.negotiate(lang, accept))
        .respond(ifNoneMatch, json);
  }

  @GET
  @Path("/{version}/steps")
  @PermitAll
  public Response steps(
      @PathParam("version") @Size(max = 40) String version,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, LANG);
    return reads
        .steps(version, null, Reader.of(identity), Language.negotiate(lang, accept))
        .respond(ifNoneMatch, json);
  }

  @GET
  @Path("/{version}/steps/{step}")
  @PermitAll
  public Response step(
      @PathParam("version") @Size(max = 40) String version,
      @PathParam("step") @Size(max = 1) String step,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, LANG);
    return reads
        .steps(
            version,
            Params.step("step", step),
            Reader.of(identity),
            Language.negotiate(lang, accept))
        .respond(ifNoneMatch, json);
  }

  @GET
  @Path("/{version}/elements")
  @PermitAll
  public Response elements(
      @PathParam("version") @Size(max = 40) String version,
      @QueryParam("kind") String kind,
      @QueryParam("step") @Size(max = 1) String step,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, Set.of("kind", "step", "lang"));
    Params.oneOf("kind", kind, ElementKinds.ALL);
    return reads
        .elements(
            version,
            kind == null ? Set.of() : Set.of(kind),
            Params.step("step", step),
            Reader.of(identity),
            Language.negotiate(lang, accept))
        .respond(ifNoneMatch, json);
  }

  @GET
  @Path("/{version}/elements/{key}")
  @PermitAll
  public Response element(
      @PathParam("version") @Size(max = 40) String version,
      @PathParam("key") @Size(max = 100) String key,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, LANG);
    return reads
        .element(
            version, ElementKinds.key(key), Reader.of(identity), Language.negotiate(lang, accept))
        .respond(ifNoneMatch, json);
  }

  @GET
  @Path("/{version}/diff")
  @PermitAll
  public VersionDiff.View diff(
      @PathParam("version") @Size(max = 40) String version,
      @QueryParam("from") @Size(max = 40) String from,
      @Context UriInfo uri) {
    QueryParams.only(uri, Set.of("from"));
    return editing.diff(version, ElementKinds.required("from", from), Reader.of(identity));
  }

  @GET
  @Path("/{version}/edits")
  @RolesAllowed({Roles.IPA_ADMIN, Roles.IPA_REVIEWER})
  public EditView edits(
      @PathParam("version") @Size(max = 40) String version, @Context UriInfo uri) {
    QueryParams.only(uri, Set.of());
    return editing.edits(version, Reader.of(identity));
  }

  @POST
  @RolesAllowed(Roles.IPA_ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @Valid @NotNull NewVersion body,
      @Context UriInfo uri) {
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new Fingerprint("POST", uri.getPath(), body),
        () -> {
          Version v = editing.createVersion(body, token.getSubject());
          return Response.created(uri.getAbsolutePathBuilder().path(v.code()).build())
              .tag(Preconditions.etag(v.revision()))
              .entity(VersionView.of(v, Language.JA))
              .build();
        });
  }

  @POST
  @Path("/{version}/elements")
  @RolesAllowed(Roles.IPA_ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addElement(
      @PathParam("version") @Size(max = 40) String version,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @NotNull ElementData body,
      @Context UriInfo uri) {
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new Fingerprint("POST", uri.getPath(), body),
        () -> {
          Element e = editing.addElement(version, body, token.getSubject());
          return Response.created(uri.getAbsolutePathBuilder().path(e.key()).build())
              .tag(Preconditions.etag(e.revision()))
              .entity(ElementView.of(e, Language.JA))
              .build();
        });
  }

  @PATCH
  @Path("/{version}/elements/{key}")
  @RolesAllowed(Roles.IPA_ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changeElement(
      @PathParam("version") @Size(max = 40) String version,
      @PathParam("key") @Size(max = 100) String key,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 200) String ifMatch,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @NotNull ElementPatch body) {
    Element e = editing.changeElement(version, key, ifMatch, body, token.getSubject());
    return Response.ok(ElementView.of(e, Language.negotiate(lang, accept)))
        .tag(Preconditions.etag(e.revision()))
        .build();
  }

  @DELETE
  @Path("/{version}/elements/{key}")
  @RolesAllowed(Roles.IPA_ADMIN)
  public Response removeElement(
      @PathParam("version") @Size(max = 40) String version,
      @PathParam("key") @Size(max = 100) String key,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 200) String ifMatch) {
    editing.removeElement(version, key, ifMatch, token.getSubject());
    return Response.noContent().build();
  }

  @POST
  @Path("/{version}/submit")
  @RolesAllowed(Roles.IPA_ADMIN)
  public Response submit(
      @PathParam("version") @Size(max = 40) String version,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 200) String ifMatch) {
    return moved(editing.submit(version, ifMatch, token.getSubject()));
  }

  @POST
  @Path("/{version}/approve")
  @RolesAllowed(Roles.IPA_REVIEWER)
  public Response approve(
      @PathParam("version") @Size(max = 40) String version,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 200) String ifMatch) {
    return moved(editing.approve(version, ifMatch, token.getSubject()));
  }

  @POST
  @Path("/{version}/return")
  @RolesAllowed(Roles.IPA_REVIEWER)
  public Response returnToDraft(
      @PathParam("version") @Size(max = 40) String version,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 200) String ifMatch) {
    return moved(editing.returnToDraft(version, ifMatch, token.getSubject()));
  }

  @POST
  @Path("/{version}/publish")
  @RolesAllowed(Roles.IPA_ADMIN)
  public Response publish(
      @PathParam("version") @Size(max = 40) String version,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 200) String ifMatch) {
    return moved(editing.publish(version, ifMatch, token.getSubject()));
  }

  private static Response moved(Version v) {
    return Response.ok(VersionView.of(v, Language.JA))
        .tag(Preconditions.etag(v.revision()))
        .build();
  }
}
