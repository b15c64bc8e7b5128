package jp.riss.activelist.consultation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.cancellation.Cancellation;
import jp.riss.activelist.consultation.ConsultationRequests.NewEvent;
import jp.riss.activelist.consultation.ConsultationRequests.NewRegistration;
import jp.riss.activelist.consultation.ConsultationRequests.NewSlot;
import jp.riss.activelist.consultation.ConsultationRequests.Outcome;
import jp.riss.activelist.paging.NewestFirst;
import jp.riss.activelist.shortlist.Caller;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.PageLimit;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/active-list/consultation-events")
@Produces(MediaType.APPLICATION_JSON)
public class ConsultationEventResource {

  public record Page(List<ConsultationEventView> items, String next) {}

  private static final NewestFirst PAGING = new NewestFirst("startsAt");

  @Inject ConsultationService consultations;
  @Inject IdempotentRequests idempotency;
  @Inject JsonWebToken token;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SUPPORT_BODY)
  public Response create(
      @Valid @NotNull NewEvent body, @HeaderParam(IdempotentRequests.HEADER) String key) {
    Caller caller = Caller.of(token);
    return idempotency.once(
        caller.subject(),
        key,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          ConsultationEvent event = consultations.create(caller, body);
          return Response.created(uri.getAbsolutePathBuilder().path(event.id.toString()).build())
              .entity(consultations.view(event, caller))
              .build();
        });
  }

  @GET
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.SPECIALIST, Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  @Transactional
  public Page list(@QueryParam("limit") String limitParam, @QueryParam("cursor") String cursor) {
    int limit = PageLimit.parse(limitParam, 20, 100);
    Caller caller = Caller.of(token);
    StringBuilder query = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (caller.isSpecialist()) {
      List<UUID> own = caller.ownListingIds();
      if (own.isEmpty()) {
        return new Page(List.of(), null);
      }
      query.append(" and id in (select i.eventId from Invitation i where i.listingId in :own)");
      params.put("own", own);
    } else if (caller.isSupportBody()) {
      query.append(" and ownerSubject = :subject");
      params.put("subject", caller.subject());
    }
    PAGING.apply(query, params, cursor);
    NewestFirst.Page<ConsultationEvent> page =
        PAGING.page(
            ConsultationEvent.find(query.toString(), params).page(0, limit + 1).list(),
            limit,
            e -> e.startsAt,
            e -> e.id,
            uri);
    return new Page(
        page.items().stream().map(e -> consultations.view(e, caller)).toList(), page.next());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.SPECIALIST, Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  @Transactional
  public ConsultationEventView get(@PathParam("id") String id) {
    Caller caller = Caller.of(token);
    return consultations.view(consultations.require(Ids.uuid("id", id), caller), caller);
  }

  /** Cancels the event before it starts; it and its slots stay readable as CANCELLED. */
  @POST
  @Path("/{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.IPA_ADMIN})
  @Transactional
  public ConsultationEventView cancel(
      @PathParam("id") String id, @Valid @NotNull Cancellation body) {
    Caller caller = Caller.of(token);
    return consultations.view(consultations.cancel(Ids.uuid("id", id), caller, body), caller);
  }

  @POST
  @Path("/{id}/invitations/{listingId}/confirm")
  @RolesAllowed(Roles.SPECIALIST)
  @Transactional
  public ConsultationEventView confirm(
      @PathParam("id") String id, @PathParam("listingId") String listingId) {
    return answer(id, listingId, Invitation.Status.CONFIRMED);
  }

  @POST
  @Path("/{id}/invitations/{listingId}/decline")
  @RolesAllowed(Roles.SPECIALIST)
  @Transactional
  public ConsultationEventView decline(
      @PathParam("id") String id, @PathParam("listingId") String listingId) {
    return answer(id, listingId, Invitation.Status.DECLINED);
  }

  private ConsultationEventView answer(String id, String listingId, Invitation.Status answer) {
    Caller caller = Caller.of(token);
    ConsultationEvent event =
        consultations.answer(Ids.uuid("id", id), Ids.uuid("listingId", listingId), caller, answer);
    return consultations.view(event, caller);
  }

  @POST
  @Path("/{id}/registrations")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SUPPORT_BODY)
  public Response register(
      @PathParam("id") String id,
      @Valid @NotNull NewRegistration body,
      @HeaderParam(IdempotentRequests.HEADER) String key) {
    Caller caller = Caller.of(token);
    UUID eventId = Ids.uuid("id", id);
    return idempotency.once(
        caller.subject(),
        key,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          Registration registration = consultations.register(eventId, caller, body);
          return Response.created(
                  uri.getAbsolutePathBuilder().path(registration.id.toString()).build())
              .entity(ConsultationEventView.RegistrationView.of(registration))
              .build();
        });
  }

  @POST
  @Path("/{id}/slots")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SUPPORT_BODY)
  public Response book(
      @PathParam("id") String id,
      @Valid @NotNull NewSlot body,
      @HeaderParam(IdempotentRequests.HEADER) String key) {
    Caller caller = Caller.of(token);
    UUID eventId = Ids.uuid("id", id);
    return idempotency.once(
        caller.subject(),
        key,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          Slot slot = consultations.book(eventId, caller, body);
          return Response.created(uri.getAbsolutePathBuilder().path(slot.id.toString()).build())
              .entity(ConsultationEventView.SlotView.of(slot))
              .build();
        });
  }

  @POST
  @Path("/{id}/slots/{slotId}/outcome")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.SPECIALIST})
  @Transactional
  public ConsultationEventView.SlotView recordOutcome(
      @PathParam("id") String id,
      @PathParam("slotId") String slotId,
      @Valid @NotNull Outcome body) {
    Slot slot =
        consultations.recordOutcome(
            Ids.uuid("id", id), Ids.uuid("slotId", slotId), Caller.of(token), body);
    return ConsultationEventView.SlotView.of(slot);
  }

  @POST
  @Path("/{id}/slots/{slotId}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.SPECIALIST})
  @Transactional
  public ConsultationEventView.SlotView cancelSlot(
      @PathParam("id") String id,
      @PathParam("slotId") String slotId,
      @Valid @NotNull Cancellation body) {
    Slot slot =
        consultations.cancelSlot(
            Ids.uuid("id", id), Ids.uuid("slotId", slotId), Caller.of(token), body);
    return ConsultationEventView.SlotView.of(slot);
  }
}
