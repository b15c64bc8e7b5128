package jp.riss.activelist.inquiry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.paging.NewestFirst;
import jp.riss.activelist.shortlist.Caller;
import jp.riss.activelist.shortlist.Shortlist;
import jp.riss.activelist.shortlist.Shortlister;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.PageLimit;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/active-list/inquiries")
@Produces(MediaType.APPLICATION_JSON)
public class InquiryResource {

  /** How a declining specialist says why (a reason code) and, optionally, a note to the SME. */
  public record Decline(@NotNull String reason, @Size(max = 500) String note) {}

  public record Close(@NotNull InquiryService.Outcome outcome) {}

  public record Page(List<InquiryView> items, String next) {}

  public record Expired(int count, List<UUID> inquiryIds) {}

  /** Keyset position of the list's order (newest first). */
  private static final NewestFirst PAGING = new NewestFirst("createdAt");

  @Inject InquiryService inquiries;
  @Inject Shortlister shortlister;
  @Inject InquiryConfig config;
  @Inject IdempotentRequests idempotency;
  @Inject JsonWebToken token;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.COMPANY, Roles.SUPPORT_BODY})
  public Response create(
      @Valid @NotNull NewInquiry body,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
    Caller caller = Caller.of(token);
    return idempotency.once(
        caller.subject(),
        idempotencyKey,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          Inquiry inquiry = inquiries.create(caller, body);
          return Response.created(uri.getAbsolutePathBuilder().path(inquiry.id.toString()).build())
              .tag(Preconditions.etag(inquiry.version))
              .entity(view(inquiry, caller, false))
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
  @Transactional
  public Page list(
      @QueryParam("status") String status,
      @QueryParam("limit") String limitParam,
      @QueryParam("cursor") String cursor) {
    int limit = PageLimit.parse(limitParam, 20, 100);
    Caller caller = Caller.of(token);
    StringBuilder query = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (caller.isSpecialist()) {
      List<UUID> own = caller.ownListingIds();
      if (own.isEmpty()) {
        return new Page(List.of(), null);
      }
      query.append(" and listingId in :own");
      params.put("own", own);
    } else if (!caller.isIpa()) {
      query.append(" and requesterSubject = :subject and requesterRole = :role");
      params.put("subject", caller.subject());
      params.put("role", caller.role());
    }
    if (status != null) {
      query.append(" and status = :status");
      params.put("status", status(status));
    }
    PAGING.apply(query, params, cursor);
    NewestFirst.Page<Inquiry> page =
        PAGING.page(
            Inquiry.find(query.toString(), params).page(0, limit + 1).list(),
            limit,
            e -> e.createdAt,
            e -> e.id,
            uri);
    return new Page(page.items().stream().map(i -> view(i, caller, false)).toList(), page.next());
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
  @Transactional
  public Response get(@PathParam("id") String id) {
    Caller caller = Caller.of(token);
    Inquiry inquiry = inquiries.require(Ids.uuid("id", id), caller);
    return ok(inquiry, caller, true);
  }

  @POST
  @Path("/{id}/accept")
  @RolesAllowed(Roles.SPECIALIST)
  public Response accept(
      @PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
    Caller caller = Caller.of(token);
    return ok(inquiries.accept(Ids.uuid("id", id), caller, ifMatch), caller, false);
  }

  @POST
  @Path("/{id}/decline")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SPECIALIST)
  public Response decline(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
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
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
      @Valid @NotNull Close body) {
    Caller caller = Caller.of(token);
    return ok(inquiries.close(Ids.uuid("id", id), caller, ifMatch, body.outcome()), caller, false);
  }

  /** What the schedule does, on demand and at a chosen time (IPA operations and tests). */
  @POST
  @Path("/expire")
  @RolesAllowed(Roles.IPA_ADMIN)
  public Expired expire(@QueryParam("now") String now) {
    OffsetDateTime at = now == null ? OffsetDateTime.now() : parse(now, "now");
    List<UUID> expired = inquiries.expireDue(at);
    return new Expired(expired.size(), expired);
  }

  private Response ok(Inquiry inquiry, Caller caller, boolean withAlternatives) {
    return Response.ok(view(inquiry, caller, withAlternatives))
        .tag(Preconditions.etag(inquiry.version))
        .build();
  }

  /**
   * Alternatives are offered to the sender (and IPA) of an inquiry that ended unanswered or
   * declined: a shortlist for its profile without that specialist, the same on every read.
   */
  private InquiryView view(Inquiry inquiry, Caller caller, boolean withAlternatives) {
    Listing listing = Listing.findById(inquiry.listingId);
    List<Shortlist.Candidate> alternatives = null;
    if (withAlternatives
        && !caller.owns(listing)
        && EnumSet.of(InquiryStatus.DECLINED, InquiryStatus.EXPIRED).contains(inquiry.status)) {
      long seed = inquiry.id.getMostSignificantBits() & ((1L << 53) - 1);
      alternatives =
          shortlister
              .shortlist(inquiry.profile(), config.alternatives(), seed, List.of(listing.id))
              .candidates();
    }
    return InquiryView.of(inquiry, listing, caller, alternatives);
  }

  private static InquiryStatus status(String value) {
    try {
      return InquiryStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("status", "is not an inquiry status");
    }
  }

  private static OffsetDateTime parse(String value, String field) {
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(field, "must be an ISO-8601 date-time with offset");
    }
  }
}
