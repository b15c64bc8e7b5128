package jp.riss.community.programme;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Preconditions;

/** The Security Camp programmes: public to read; the camp office sets community eligibility. */
@Path("/api/v1/community/programmes")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

  public record Eligibility(Boolean communityEligible) {}

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  @Inject Programmes programmes;

  @GET
  @PermitAll
  public Programmes.Listing list() {
    return programmes.all();
  }

  @GET
  @Path("/{code}")
  @PermitAll
  public Response get(@PathParam("code") String code) {
    ProgrammeDetail detail =
        programmes
            .byCode(checked(code))
            .orElseThrow(() -> ProblemException.notFound("programme " + code));
    return Response.ok(detail).tag(Preconditions.etag(detail.version())).build();
  }

  @PUT
  @Path("/{code}/community-eligibility")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CAMP_OFFICE)
  public Response eligibility(
      @PathParam("code") String code,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 100) String ifMatch,
      Eligibility body) {
    ProgrammeDetail detail =
        programmes.setEligibility(
            checked(code), ifMatch, body == null ? null : body.communityEligible());
    return Response.ok(detail).tag(Preconditions.etag(detail.version())).build();
  }

  private static String checked(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw ProblemException.badRequest(
          "code", "must be a programme code: a-z first, then a-z, 0-9 or '-', at most 40");
    }
    return code;
  }
}
