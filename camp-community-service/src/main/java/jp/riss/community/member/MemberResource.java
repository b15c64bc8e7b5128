package jp.riss.community.member;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jp.riss.community.consent.GuardianEmailChanges;
import jp.riss.community.moderation.Appeals;
import jp.riss.community.outcome.AlumniOutcomes;
import jp.riss.community.support.Caller;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The calling alumnus's own membership: always "me", never a person named by the caller. */
@Path("/api/v1/community/alumni/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ALUMNI)
public class MemberResource {

  public record Enrolment(String code) {}

  public record Settings(List<String> scopes) {}

  public record GuardianChange(String email) {}

  public record MyActions(List<Appeals.MyAction> items) {}

  @Inject MemberAccount account;
  @Inject MemberExport export;
  @Inject GuardianEmailChanges guardianEmails;
  @Inject Appeals appeals;
  @Inject AlumniOutcomes outcomes;
  @Inject JsonWebToken token;

  @POST
  @Path("/enrolment")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response enrol(Enrolment body) {
    MemberViews.Me me = account.enrol(token.getSubject(), body == null ? null : body.code());
    return withEtag(Response.ok(me), me);
  }

  @GET
  public Response me() {
    MemberViews.Me me = account.me(token.getSubject());
    return withEtag(Response.ok(me), me);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 100) String ifMatch,
      MemberAccount.ProfileChange body) {
    MemberViews.Me me = account.update(token.getSubject(), ifMatch, body);
    return withEtag(Response.ok(me), me);
  }

  @PUT
  @Path("/settings")
  @Consumes(MediaType.APPLICATION_JSON)
  public MemberViews.Me settings(Settings body) {
    return account.confirmSettings(token.getSubject(), body == null ? null : body.scopes());
  }

  @POST
  @Path("/guardian-links")
  public Response guardianLink() {
    account.requestGuardianLink(token.getSubject());
    return Response.accepted().build();
  }

  /**
   * A minor asks for another guardian address; only the camp office can make it the one on record.
   */
  @POST
  @Path("/guardian-email-change")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response guardianEmailChange(GuardianChange body) {
    guardianEmails.request(token.getSubject(), body == null ? null : body.email());
    return Response.accepted().build();
  }

  /** What moderators did about the caller's content, with the reasons. */
  @GET
  @Path("/moderation-actions")
  public MyActions moderationActions() {
    return new MyActions(appeals.myActions(Caller.of(token)));
  }

  @GET
  @Path("/export")
  public MemberExport.Export export() {
    return export.of(token.getSubject());
  }

  @DELETE
  public Response delete() {
    account.delete(token.getSubject());
    return Response.noContent().build();
  }

  private static Response withEtag(Response.ResponseBuilder builder, MemberViews.Me me) {
    return builder.tag(Preconditions.etag(me.version())).build();
  }

  /** The statuses the member reported after the camp, newest year first. */
  @GET
  @Path("/outcome")
  public AlumniOutcomes.History outcome() {
    return outcomes.mine(token.getSubject());
  }

  /** The member's status for this fiscal year, with the consent scope {@code surveys}. */
  @PUT
  @Path("/outcome")
  @Consumes(MediaType.APPLICATION_JSON)
  public AlumniOutcomes.StatusView reportOutcome(AlumniOutcomes.StatusInput body) {
    return outcomes.report(token.getSubject(), body);
  }

  /** Withdraws the member's consent: every status they reported is deleted. */
  @DELETE
  @Path("/outcome")
  public Response withdrawOutcome() {
    outcomes.withdraw(token.getSubject());
    return Response.noContent().build();
  }
}
