package jp.riss.deemedattendance.suggestion;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.UUID;
import jp.riss.deemedattendance.application.ExperienceEntry;
import jp.riss.deemedattendance.application.Views.EntryView;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Cursors;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.PageLimit;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A specialist's suggested entries (from completed guidance engagements), own only. */
@Path("/api/v1/deemed-attendance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SPECIALIST)
public class SuggestionResource {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Page(List<SuggestionView> items, String next) {}

  public record CopyRequest(String suggestionId) {}

  @Inject Suggestions suggestions;
  @Inject JsonWebToken token;
  @Inject IdempotentRequests idempotency;

  @GET
  @Path("/me/suggested-entries")
  public Page mine(
      @QueryParam("limit") String limit,
      @QueryParam(Cursors.PARAM) @Size(max = 1024) String cursor,
      @Context UriInfo uri) {
    Keyset.Page<SuggestionView> page =
        suggestions.mineViewed(
            token.getSubject(), PageLimit.parse(limit, 20, 100), Keyset.decode(cursor));
    return new Page(page.items(), page.nextLink(uri));
  }

  @GET
  @Path("/me/suggested-entries/{id}")
  public SuggestionView get(@PathParam("id") String id) {
    return suggestions.ownedViewed(Ids.uuid("id", id), token.getSubject());
  }

  @POST
  @Path("/applications/{id}/entries/from-suggestion")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response copy(
      @PathParam("id") String id,
      @NotNull CopyRequest body,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @Context UriInfo uri) {
    UUID applicationId = Ids.uuid("id", id);
    if (body.suggestionId() == null) {
      throw ProblemException.badRequest("suggestionId", "is required");
    }
    UUID suggestionId = Ids.uuid("suggestionId", body.suggestionId());
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          ExperienceEntry entry = suggestions.copy(applicationId, suggestionId, token.getSubject());
          return Response.created(
                  uri.getBaseUriBuilder()
                      .path("/api/v1/deemed-attendance/applications/{id}/entries/{entryId}")
                      .build(applicationId, entry.id))
              .tag(Preconditions.etag(entry.version))
              .entity(EntryView.of(entry))
              .build();
        });
  }
}
