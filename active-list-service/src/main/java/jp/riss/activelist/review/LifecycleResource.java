package jp.riss.activelist.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.riss.activelist.history.ListingHistory.Actor;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The listing lifecycle actions, each with its role; owners act only on their own listing. */
@Path("/api/v1/active-list/listings")
@Produces(MediaType.APPLICATION_JSON)
public class LifecycleResource {

  @Inject ListingLifecycle lifecycle;
  @Inject ListingEvaluations evaluations;
  @Inject ListingViews views;
  @Inject JsonWebToken token;

  @POST
  @Path("/{id}/submit")
  @RolesAllowed(Roles.SPECIALIST)
  public Response submit(@PathParam("id") @Size(max = 36) String id) {
    return views.ok(lifecycle.submit(Ids.uuid("id", id), actor(Roles.SPECIALIST)));
  }

  @POST
  @Path("/{id}/approve")
  @RolesAllowed(Roles.IPA_REVIEWER)
  public Response approve(@PathParam("id") @Size(max = 36) String id) {
    return views.ok(lifecycle.approve(Ids.uuid("id", id), actor(Roles.IPA_REVIEWER)));
  }

  @POST
  @Path("/{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.IPA_REVIEWER)
  public Response reject(
      @PathParam("id") @Size(max = 36) String id, @Valid @NotNull StatusReason body) {
    return views.ok(
        lifecycle.reject(Ids.uuid("id", id), actor(Roles.IPA_REVIEWER), body.reason().strip()));
  }

  @POST
  @Path("/{id}/suspend")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public Response suspend(
      @PathParam("id") @Size(max = 36) String id, @Valid @NotNull StatusReason body) {
    return views.ok(lifecycle.suspend(Ids.uuid("id", id), ipa(), body.reason().strip()));
  }

  @POST
  @Path("/{id}/reinstate")
  @RolesAllowed({Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public Response reinstate(@PathParam("id") @Size(max = 36) String id) {
    return views.ok(lifecycle.reinstate(Ids.uuid("id", id), ipa()));
  }

  @POST
  @Path("/{id}/reconfirm")
  @RolesAllowed(Roles.SPECIALIST)
  public Response reconfirm(@PathParam("id") @Size(max = 36) String id) {
    return views.ok(lifecycle.reconfirm(Ids.uuid("id", id), actor(Roles.SPECIALIST)));
  }

  @GET
  @Path("/{id}/criteria")
  @RolesAllowed({Roles.SPECIALIST, Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public ListingEvaluations.ListingEvaluation criteria(@PathParam("id") @Size(max = 36) String id) {
    return evaluations.of(Ids.uuid("id", id), token);
  }

  private Actor actor(String role) {
    return new Actor(token.getSubject(), role);
  }

  /** The IPA role the caller acts in, as the history records it. */
  private Actor ipa() {
    return actor(
        token.getGroups().contains(Roles.IPA_ADMIN) ? Roles.IPA_ADMIN : Roles.IPA_REVIEWER);
  }
}
