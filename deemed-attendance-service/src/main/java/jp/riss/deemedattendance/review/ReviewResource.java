package jp.riss.deemedattendance.review;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.util.UUID;
import jp.riss.deemedattendance.review.ReviewViews.Page;
import jp.riss.deemedattendance.review.ReviewViews.RejectionReasonView;
import jp.riss.deemedattendance.review.ReviewViews.ReviewApplication;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Cursors;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.PageLimit;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** IPA's review queue and decisions (reviewers, and administrators too). */
@Path("/api/v1/deemed-attendance/review")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
public class ReviewResource {

  record Fingerprint(String method, String path, Object body, String ifMatch) {}

  @Inject Reviews reviews;
  @Inject ReviewReads reads;
  @Inject JsonWebToken token;
  @Inject IdempotentRequests idempotency;

  @GET
  @Path("/queue")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Page queue(
      @QueryParam("limit") String limit,
      @QueryParam(Cursors.PARAM) @Size(max = 1024) String cursor,
      @Context UriInfo uri) {
    ReviewReads.Queue queue =
        reads.queue(
            PageLimit.parse(limit, 20, 100), Cursors.decode(cursor, Reviews.Position.class));
    return new Page(
        queue.items(), queue.next() == null ? null : Cursors.nextLink(uri, queue.next()));
  }

  @GET
  @Path("/rejection-reasons")
  public List<RejectionReasonView> rejectionReasons() {
    return reads.rejectionReasons();
  }

  @GET
  @Path("/applications/{id}")
  public Response application(@PathParam("id") String id) {
    ReviewApplication application = reads.application(Ids.uuid("id", id));
    return Response.ok(application)
        .tag(Preconditions.etag(application.application().version()))
        .build();
  }

  @POST
  @Path("/applications/{id}/decisions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response decide(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @Valid @NotNull NewDecision body,
      @Context UriInfo uri) {
    UUID applicationId = Ids.uuid("id", id);
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new Fingerprint("POST", uri.getPath(), body, ifMatch),
        () -> {
          ReviewDecision d = reviews.decide(applicationId, token.getSubject(), ifMatch, body);
          return Response.created(
                  uri.getBaseUriBuilder()
                      .path("/api/v1/deemed-attendance/applications/{id}/decisions")
                      .build(applicationId))
              .entity(DecisionView.of(d, reviews.reasons(), true))
              .build();
        });
  }
}
