package jp.riss.community.completion;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Set;
import jp.riss.community.support.QueryParams;
import jp.riss.community.support.Secrets;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The camp office's completion records, imported in bulk (JSON or CSV). */
@Path("/api/v1/community/completion-imports")
@Produces(MediaType.APPLICATION_JSON)
public class CompletionImportResource {

  /** A retry must send the same bytes in the same mode; the body is fingerprinted by digest. */
  record Fingerprint(String path, String mediaType, String mode, String sha256) {}

  @Inject CompletionImporter importer;
  @Inject IdempotentRequests idempotency;
  @Inject JsonWebToken token;

  @POST
  @Consumes({RawRows.JSON, RawRows.CSV})
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response create(
      byte[] body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("mode"));
    String mode = uri.getQueryParameters().getFirst("mode");
    if (mode != null && !Set.of("all", "partial").contains(mode)) {
      throw ProblemException.badRequest("mode", "must be all or partial");
    }
    boolean partial = "partial".equals(mode);
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new Fingerprint(
            uri.getPath(),
            mediaType,
            partial ? "partial" : "all",
            Secrets.sha256(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1))),
        () -> Response.ok(importer.run(token.getSubject(), mediaType, body, partial)).build());
  }
}
