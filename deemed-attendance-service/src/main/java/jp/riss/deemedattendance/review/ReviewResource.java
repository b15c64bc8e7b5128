package jp.riss.deemedattendance.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.deemedattendance.application.Application;
import jp.riss.deemedattendance.application.Views.ApplicationView;
import jp.riss.deemedattendance.audit.Strata;
import jp.riss.deemedattendance.cycle.RenewalCalendar;
import jp.riss.deemedattendance.review.ReviewViews.Page;
import jp.riss.deemedattendance.review.ReviewViews.QueueItem;
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
  @Inject JsonWebToken token;
  @Inject IdempotentRequests idempotency;

  @GET
  @Path("/queue")
  @Transactional
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Page queue(
      @QueryParam("limit") String limit,
      @QueryParam(Cursors.PARAM) String cursor,
      @Context UriInfo uri) {
    Reviews.Slice slice =
        reviews.queue(
            PageLimit.parse(limit, 20, 100), Cursors.decode(cursor, Reviews.Position.class));
    LocalDate today = RenewalCalendar.today();
    List<QueueItem> items =
        slice.items().stream()
            .map(
                a ->
                    new QueueItem(
                        a.id,
                        a.version,
                        a.cycle.registrationNumber,
                        a.requirementKind,
                        a.cycle.renewalDueOn,
                        RenewalCalendar.daysUntil(today, a.cycle.renewalDueOn),
                        reviews.atRisk(a, today),
                        a.submittedAt,
                        a.entries.size(),
                        Strata.of(a)))
            .toList();
    return new Page(items, slice.next() == null ? null : Cursors.nextLink(uri, slice.next()));
  }

  @GET
  @Path("/rejection-reasons")
  @Transactional
  public List<RejectionReasonView> rejectionReasons() {
    return reviews.reasons().values().stream()
        .map(r -> new RejectionReasonView(r.code, r.nameJa, r.nameEn))
        .toList();
  }

  @GET
  @Path("/applications/{id}")
  @Transactional
  public Response application(@PathParam("id") String id) {
    Application a = reviews.find(Ids.uuid("id", id));
    return Response.ok(view(a)).tag(Preconditions.etag(a.version)).build();
  }

  @POST
  @Path("/applications/{id}/decisions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response decide(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @NotNull NewDecision body,
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

  private ReviewApplication view(Application a) {
    LocalDate today = RenewalCalendar.today();
    Map<String, RejectionReason> reasons = reviews.reasons();
    return new ReviewApplication(
        ApplicationView.of(a),
        a.status,
        RenewalCalendar.daysUntil(today, a.cycle.renewalDueOn),
        reviews.atRisk(a, today),
        Strata.of(a),
        ReviewViews.shared(a),
        reviews.history(a.id).stream().map(d -> DecisionView.of(d, reasons, true)).toList());
  }
}
