package jp.riss.guide.plan;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.guide.organisation.Actor;
import jp.riss.guide.web.QueryParams;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.idempotency.IdempotentRequests.Fingerprint;
import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** An organisation's action plans and its overdue actions. */
@Path("/api/v1/guide/organisations/{id}/action-plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPANY, Roles.SUPPORT_BODY})
public class OrganisationPlanResource {

  @Inject Plans plans;
  @Inject IdempotentRequests idempotency;
  @Inject JsonWebToken token;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("id") @Size(max = 36) String id,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @NotNull PlanRequest body,
      @Context UriInfo uri) {
    Actor actor = Actor.of(token);
    return idempotency.once(
        actor.subject(),
        idempotencyKey,
        new Fingerprint("POST", uri.getPath(), body),
        () -> {
          Plan plan = plans.create(id, body, actor);
          return Response.created(java.net.URI.create("/api/v1/guide/action-plans/" + plan.id()))
              .entity(plan)
              .build();
        });
  }

  @GET
  public Plans.PlanList list(@PathParam("id") @Size(max = 36) String id, @Context UriInfo uri) {
    QueryParams.only(uri, Set.of());
    return plans.list(id, Actor.of(token));
  }

  @GET
  @Path("/overdue")
  public Plans.Overdue overdue(@PathParam("id") @Size(max = 36) String id, @Context UriInfo uri) {
    QueryParams.only(uri, Set.of());
    return plans.overdue(id, Actor.of(token));
  }
}
