package jp.riss.community.event;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.support.Caller;
import jp.riss.community.support.QueryParams;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.PageLimit;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Events: open ones (and their iCalendar) are public to read — a school looks a youth lecture up
 * and registers pupils without an account; drafts, changes, lecturers and the lists of who
 * registered are the camp office's.
 */
@Path("/api/v1/community/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

  public record Items<T>(java.util.List<T> items) {}

  @Inject Events events;
  @Inject Registrations registrations;
  @Inject CalendarFeeds feeds;
  @Inject YouthLectures lectures;
  @Inject EventCancellations cancellations;
  @Inject IdempotentRequests idempotency;
  @Inject JsonWebToken token;

  private Caller caller() {
    return token.getSubject() == null ? new Caller(null, false, false) : Caller.of(token);
  }

  @GET
  @PermitAll
  public Events.Page list(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return events.list(
        caller(),
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 20, 50),
        uri);
  }

  @GET
  @Path("/{id}")
  @PermitAll
  public Response get(@PathParam("id") String id) {
    Events.EventView view = events.get(Ids.uuid("id", id), caller());
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response create(Events.EventInput body, @Context UriInfo uri) {
    Events.EventView view = events.create(body, Caller.of(token));
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
        .entity(view)
        .tag(Preconditions.etag(view.version()))
        .build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response update(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 100) String ifMatch,
      Events.EventInput body) {
    Events.EventView view = events.update(Ids.uuid("id", id), ifMatch, body, Caller.of(token));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @POST
  @Path("/{id}/opening")
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response open(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 100) String ifMatch) {
    Events.EventView view = events.open(Ids.uuid("id", id), ifMatch, Caller.of(token));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @POST
  @Path("/{id}/registrations")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ALUMNI)
  public Response register(
      @PathParam("id") String id,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      Registrations.RegistrationInput body,
      @Context UriInfo uri) {
    UUID eventId = Ids.uuid("id", id);
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () ->
            Response.status(201)
                .entity(registrations.register(token.getSubject(), eventId, body))
                .build());
  }

  /** The organiser cancels the event; registrants are told and nothing more is taken. */
  @POST
  @Path("/{id}/cancellation")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response cancel(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 100) String ifMatch,
      EventCancellations.CancellationInput body) {
    Events.EventView view =
        cancellations.cancel(Ids.uuid("id", id), ifMatch, body, Caller.of(token));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @GET
  @Path("/{id}/registrations")
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Registrations.Page<Registrations.Attendee> attendees(
      @PathParam("id") String id, @Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return registrations.attendees(
        Ids.uuid("id", id),
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 100, 1000),
        uri);
  }

  @GET
  @Path("/{id}/calendar")
  @Produces(ICalendar.MEDIA_TYPE)
  @PermitAll
  public Response calendar(@PathParam("id") String id) {
    return Response.ok(feeds.event(Ids.uuid("id", id), caller()), ICalendar.MEDIA_TYPE).build();
  }

  @POST
  @Path("/{id}/lecturers")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Events.EventView addLecturer(@PathParam("id") String id, YouthLectures.NewLecturer body) {
    return lectures.addLecturer(Ids.uuid("id", id), body, Caller.of(token));
  }

  /** No token: pupils are not members; a school or guardian registers them. */
  @POST
  @Path("/{id}/pupil-registrations")
  @Consumes(MediaType.APPLICATION_JSON)
  @PermitAll
  public Response registerPupils(@PathParam("id") String id, YouthLectures.PupilInput body) {
    return Response.status(201).entity(lectures.registerPupils(Ids.uuid("id", id), body)).build();
  }

  @GET
  @Path("/{id}/pupil-registrations")
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Items<YouthLectures.PupilRegistration> pupils(@PathParam("id") String id) {
    return new Items<>(lectures.pupils(Ids.uuid("id", id)));
  }
}
