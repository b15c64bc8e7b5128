package jp.riss.activelist.inquiry;

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
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.listing.SelfDeclared;
import jp.riss.activelist.shortlist.Caller;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.PageLimit;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/active-list/inquiries")
@Produces(MediaType.APPLICATION_JSON)
public class InquiryResource {

  @Inject Clock clock;

  /** How a declining specialist says why (a reason code) and, optionally, a note to the SME. */
  public record Decline(
      @NotNull @Size(max = SelfDeclared.CODE_LENGTH) String reason, @Size(max = 500) String note) {}

  public record Close(@NotNull InquiryService.Outcome outcome) {}

  public record Page(List<InquiryView> items, String next) {}

  public record Expired(int count, List<UUID> inquiryIds) {}

  @Inject InquiryService inquiries;
  @Inject InquiryViews views;
  @Inject IdempotentRequests idempotency;
  @Inject JsonWebToken token;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.COMPANY, Roles.SUPPORT_BODY})
  public Response create(
      @Valid @NotNull NewInquiry body,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey) {
    Caller caller = Caller.of(token);
    return idempotency.once(
        caller.subject(),
        idempotencyKey,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          Inquiry inquiry = inquiries.create(caller, body);
          return Response.created(uri.getAbsolutePathBuilder().path(inquiry.id.toString()).build())
              .tag(Preconditions.etag(inquiry.version))
              .entity(views.view(inquiry, caller, false))
              .build();
        });
  }

  @GET
  @RolesAllowed({
    Roles.COMPANY,
    Roles.SUPPORT_BODY,
    Roles.SPECIALIST,
    Roles.IPA_REVIEWER,
    Roles.IPA_ADMIN
  })
  public Page list(
      @QueryParam("status") String status,
      @QueryParam("limit") String limitParam,
      @QueryParam("cursor") @Size(max = 500) String cursor) {
    Keyset.Page<InquiryView> page =
        views.list(Caller.of(token), status, PageLimit.parse(limitParam, 20, 100), cursor);
    return new Page(page.items(), page.nextLink(uri));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({
    Roles.COMPANY,
    Roles.SUPPORT_BODY,
    Roles.SPECIALIST,
    Roles.IPA_REVIEWER,
    Roles.IPA_ADMIN
  })
  public Response get(@PathParam("id") @Size(max = 36) String id) {
    return ok(views.show(Ids.uuid("id", id), Caller.of(token)));
  }

  @POST
  @Path("/{id}/accept")
  @RolesAllowed(Roles.SPECIALIST)
  public Response accept(
      @PathParam("id") @Size(max = 36) String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch) {
    Caller caller = Caller.of(token);
    return ok(inquiries.accept(Ids.uuid("id", id), caller, ifMatch), caller, false);
  }

  @POST
  @Path("/{id}/decline")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SPECIALIST)
  public Response decline(
      @PathParam("id") @Size(max = 36) String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch,
      @Valid @NotNull Decline body) {
    Caller caller = Caller.of(token);
    UUID inquiryId = Ids.uuid("id", id);
    return ok(
        inquiries.decline(inquiryId, caller, ifMatch, body.reason(), body.note()), caller, false);
  }

  @POST
  @Path("/{id}/close")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.COMPANY, Roles.SUPPORT_BODY, Roles.SPECIALIST, Roles.IPA_ADMIN})
  public Response close(
      @PathParam("id") @Size(max = 36) String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch,
      @Valid @NotNull Close body) {
    Caller caller = Caller.of(token);
    return ok(inquiries.close(Ids.uuid("id", id), caller, ifMatch, body.outcome()), caller, false);
  }

  /** What the schedule does, on demand (IPA operations), as of the service's clock. */
  @POST
  @Path("/expire")
  @RolesAllowed(Roles.IPA_ADMIN)
  public Expired expire() {
    List<UUID> expired = inquiries.expireDue(OffsetDateTime.now(clock));
    return new Expired(expired.size(), expired);
  }

  private Response ok(Inquiry inquiry, Caller caller, boolean withAlternatives) {
    return ok(views.view(inquiry, caller, withAlternatives));
  }

  private static Response ok(InquiryView view) {
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }
}
