package jp.riss.activelist.consultation;

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
import jp.riss.activelist.cancellation.Cancellation;
import jp.riss.activelist.consultation.ConsultationRequests.NewEvent;
import jp.riss.activelist.consultation.ConsultationRequests.NewRegistration;
import jp.riss.activelist.consultation.ConsultationRequests.NewSlot;
import jp.riss.activelist.consultation.ConsultationRequests.Outcome;
import jp.riss.activelist.shortlist.Caller;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.PageLimit;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/active-list/consultation-events")
@Produces(MediaType.APPLICATION_JSON)
public class ConsultationEventResource {

  public record Page(List<ConsultationEventView> items, String next) {}

  @Inject ConsultationService consultations;
  @Inject ConsultationViews views;
  @Inject IdempotentRequests idempotency;
  @Inject JsonWebToken token;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SUPPORT_BODY)
  public Response create(
      @Valid @NotNull NewEvent body,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String key) {
    Caller caller = Caller.of(token);
    return idempotency.once(
        caller.subject(),
        key,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          ConsultationEvent event = consultations.create(caller, body);
          return Response.created(uri.getAbsolutePathBuilder().path(event.id.toString()).build())
              .entity(views.view(event, caller))
              .build();
        });
  }

  @GET
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.SPECIALIST, Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public Page list(
      @QueryParam("limit") String limitParam,
      @QueryParam("cursor") @Size(max = 500) String cursor) {
    int limit = PageLimit.parse(limitParam, 20, 100);
    Keyset.Page<ConsultationEventView> page = views.list(Caller.of(token), limit, cursor);
    return new Page(page.items(), page.nextLink(uri));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.SPECIALIST, Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public ConsultationEventView get(@PathParam("id") @Size(max = 36) String id) {
    return views.show(Ids.uuid("id", id), Caller.of(token));
  }

  /** Cancels the event before it starts; it and its slots stay readable as CANCELLED. */
  @POST
  @Path("/{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.IPA_ADMIN})
  public ConsultationEventView cancel(
      @PathParam("id") @Size(max = 36) String id, @Valid @NotNull Cancellation body) {
    Caller caller = Caller.of(token);
    return views.view(consultations.cancel(Ids.uuid("id", id), caller, body), caller);
  }

  @POST
  @Path("/{id}/invitations/{listingId}/confirm")
  @RolesAllowed(Roles.SPECIALIST)
  public ConsultationEventView confirm(
      @PathParam("id") @Size(max = 36) String id,
      @PathParam("listingId") @Size(max = 36) String listingId) {
    return answer(id, listingId, Invitation.Status.CONFIRMED);
  }

  @POST
  @Path("/{id}/invitations/{listingId}/decline")
  @RolesAllowed(Roles.SPECIALIST)
  public ConsultationEventView decline(
      @PathParam("id") @Size(max = 36) String id,
      @PathParam("listingId") @Size(max = 36) String listingId) {
    return answer(id, listingId, Invitation.Status.DECLINED);
  }

  private ConsultationEventView answer(String id, String listingId, Invitation.Status answer) {
    Caller caller = Caller.of(token);
    ConsultationEvent event =
        consultations.answer(Ids.uuid("id", id), Ids.uuid("listingId", listingId), caller, answer);
    return views.view(event, caller);
  }

  @POST
  @Path("/{id}/registrations")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SUPPORT_BODY)
  public Response register(
      @PathParam("id") @Size(max = 36) String id,
      @Valid @NotNull NewRegistration body,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String key) {
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
      @PathParam("id") @Size(max = 36) String id,
      @Valid @NotNull NewSlot body,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String key) {
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
  public ConsultationEventView.SlotView recordOutcome(
      @PathParam("id") @Size(max = 36) String id,
      @PathParam("slotId") @Size(max = 36) String slotId,
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
  public ConsultationEventView.SlotView cancelSlot(
      @PathParam("id") @Size(max = 36) String id,
      @PathParam("slotId") @Size(max = 36) String slotId,
      @Valid @NotNull Cancellation body) {
    Slot slot =
        consultations.cancelSlot(
            Ids.uuid("id", id), Ids.uuid("slotId", slotId), Caller.of(token), body);
    return ConsultationEventView.SlotView.of(slot);
  }
}
