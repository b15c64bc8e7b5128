package jp.riss.activelist.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import jp.riss.activelist.history.ListingHistory.Actor;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** IPA's registry and course-completion records, imported in bulk (JSON lines or CSV). */
@Path("/api/v1/active-list/registry-imports")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryImportResource {

  @Inject RegistryImporter importer;
  @Inject IdempotentRequests idempotency;
  @Inject JsonWebToken token;

  /** A retry must send the same bytes; the file is fingerprinted by its digest, not kept. */
  record Fingerprint(String method, String path, String mediaType, String sha256) {}

  @POST
  @Consumes({ImportFile.NDJSON, ImportFile.CSV})
  @RolesAllowed(Roles.IPA_ADMIN)
  public Response create(
      byte[] body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @Context UriInfo uri) {
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new Fingerprint("POST", uri.getPath(), mediaType, sha256(body)),
        () -> {
          UUID id = UUID.randomUUID();
          ImportReport report =
              importer.run(id, new Actor(token.getSubject(), Roles.IPA_ADMIN), mediaType, body);
          return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
              .entity(report)
              .build();
        });
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.IPA_ADMIN)
  @Transactional
  public ImportReport get(@PathParam("id") String id) {
    RegistryImport stored = RegistryImport.findById(Ids.uuid("id", id));
    if (stored == null) {
      throw ProblemException.notFound("registry import " + id);
    }
    return stored.report();
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
