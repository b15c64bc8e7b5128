package jp.riss.activelist.engagement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.LocalDate;
import java.util.List;
import jp.riss.activelist.cancellation.Cancellation;
import jp.riss.activelist.shortlist.Caller;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.PageLimit;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/active-list/engagements")
@Produces(MediaType.APPLICATION_JSON)
public class EngagementResource {

  /** What the specialist reports of one visit. */
  public record VisitReport(
      @NotNull LocalDate visitedOn, @NotBlank @Size(max = 2000) String outcome) {}

  public record Page(List<EngagementView> items, String next) {}

  @Inject EngagementService engagements;
  @Inject IdempotentRequests idempotency;
  @Inject JsonWebToken token;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.SPECIALIST})
  public Response create(
      @Valid @NotNull NewEngagement body,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey) {
    Caller caller = Caller.of(token);
    return idempotency.once(
        caller.subject(),
        idempotencyKey,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          Engagement engagement = engagements.create(caller, body);
          return Response.created(
                  uri.getAbsolutePathBuilder().path(engagement.id.toString()).build())
              .tag(Preconditions.etag(engagement.version))
              .entity(engagements.view(engagement))
              .build();
        });
  }

  @GET
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.SPECIALIST, Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public Page list(
      @QueryParam("limit") String limitParam,
      @QueryParam("cursor") @Size(max = 500) String cursor) {
    Keyset.Page<EngagementView> page =
        engagements.list(Caller.of(token), PageLimit.parse(limitParam, 20, 100), cursor);
    return new Page(page.items(), page.nextLink(uri));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.SPECIALIST, Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public Response get(@PathParam("id") @Size(max = 36) String id) {
    return ok(engagements.show(Ids.uuid("id", id), Caller.of(token)));
  }

  @PUT
  @Path("/{id}/visits/{number}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SPECIALIST)
  public Response recordVisit(
      @PathParam("id") @Size(max = 36) String id,
      @PathParam("number") @Pattern(regexp = "[1-3]", message = "must be 1, 2 or 3") String number,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch,
      @Valid @NotNull VisitReport body) {
    return ok(
        engagements.recordVisit(
            Ids.uuid("id", id),
            visitNumber(number),
            Caller.of(token),
            ifMatch,
            body.visitedOn(),
            body.outcome()));
  }

  @POST
  @Path("/{id}/complete")
  @RolesAllowed({Roles.SPECIALIST, Roles.SUPPORT_BODY})
  public Response complete(
      @PathParam("id") @Size(max = 36) String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch) {
    return ok(engagements.complete(Ids.uuid("id", id), Caller.of(token), ifMatch));
  }

  @POST
  @Path("/{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SPECIALIST, Roles.SUPPORT_BODY})
  public Response cancel(
      @PathParam("id") @Size(max = 36) String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch,
      @Valid @NotNull Cancellation body) {
    return ok(engagements.cancel(Ids.uuid("id", id), Caller.of(token), ifMatch, body));
  }

  private Response ok(Engagement engagement) {
    return ok(engagements.view(engagement));
  }

  private static Response ok(EngagementView view) {
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  private static int visitNumber(String number) {
    if (number.matches("[1-3]")) {
      return Integer.parseInt(number);
    }
    throw ProblemException.badRequest("number", "must be 1, 2 or 3");
  }
}
