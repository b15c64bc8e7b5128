package jp.riss.deemedattendance.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;
import jp.riss.deemedattendance.audit.AuditViews.AuditView;
import jp.riss.deemedattendance.audit.AuditViews.DrawView;
import jp.riss.deemedattendance.audit.AuditViews.FollowUp;
import jp.riss.deemedattendance.audit.AuditViews.NewDraw;
import jp.riss.deemedattendance.audit.AuditViews.Outcome;
import jp.riss.deemedattendance.audit.AuditViews.Rerun;
import jp.riss.deemedattendance.audit.AuditViews.StratumChange;
import jp.riss.deemedattendance.audit.AuditViews.StratumView;
import jp.riss.platform.idempotency.IdempotentRequests;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Sample audits: IPA administrators set the strata's rates and draw; reviewers record the follow-up
 * and the outcome. Both read.
 */
@Path("/api/v1/deemed-attendance/audits")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject AuditDraws draws;
  @Inject Audits audits;
  @Inject JsonWebToken token;
  @Inject IdempotentRequests idempotency;

  @GET
  @Path("/strata")
  @RolesAllowed({Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public List<StratumView> strata() {
    return draws.strata().stream().map(StratumView::of).toList();
  }

  @PUT
  @Path("/strata/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.IPA_ADMIN)
  public Response setRate(
      @PathParam("code") @Size(max = 40) String code,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch,
      @Valid @NotNull StratumChange body) {
    AuditStratum s = draws.setRate(code, ifMatch, body.rate(), token.getSubject());
    return Response.ok(StratumView.of(s)).tag(Preconditions.etag(s.version)).build();
  }

  @POST
  @Path("/draws")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.IPA_ADMIN)
  public Response draw(
      @NotNull NewDraw body,
      @HeaderParam(IdempotentRequests.HEADER) @Size(max = 255) String idempotencyKey,
      @Context UriInfo uri) {
    return idempotency.once(
        token.getSubject(),
        idempotencyKey,
        new IdempotentRequests.Fingerprint("POST", uri.getPath(), body),
        () -> {
          DrawView draw = draws.draw(body, token.getSubject());
          return Response.created(uri.getAbsolutePathBuilder().path(draw.id().toString()).build())
              .entity(draw)
              .build();
        });
  }

  @GET
  @Path("/draws/{id}")
  @RolesAllowed({Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public DrawView getDraw(@PathParam("id") String id) {
    return draws.view(Ids.uuid("id", id));
  }

  @POST
  @Path("/draws/{id}/re-run")
  @RolesAllowed(Roles.IPA_ADMIN)
  public Rerun rerun(@PathParam("id") String id) {
    return draws.rerun(Ids.uuid("id", id));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.IPA_REVIEWER, Roles.IPA_ADMIN})
  public Response get(@PathParam("id") String id) {
    return answer(audits.view(Ids.uuid("id", id)));
  }

  @POST
  @Path("/{id}/follow-up")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.IPA_REVIEWER)
  public Response followUp(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch,
      @Valid @NotNull FollowUp body) {
    return answer(audits.followUp(Ids.uuid("id", id), ifMatch, body.text()));
  }

  @POST
  @Path("/{id}/outcome")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.IPA_REVIEWER)
  public Response outcome(
      @PathParam("id") String id,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch,
      @Valid @NotNull Outcome body) {
    UUID auditId = Ids.uuid("id", id);
    return answer(
        audits.decide(auditId, ifMatch, body.outcome(), body.comment(), token.getSubject()));
  }

  private Response answer(Audit audit) {
    return answer(audits.view(audit));
  }

  private static Response answer(AuditView audit) {
    return Response.ok(audit).tag(Preconditions.etag(audit.version())).build();
  }
}
