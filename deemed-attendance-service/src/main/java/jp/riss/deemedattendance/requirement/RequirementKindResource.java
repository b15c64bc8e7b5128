package jp.riss.deemedattendance.requirement;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.regex.Pattern;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The course requirements of a cycle. Public reads (the scheme's rules are public); IPA
 * administrators change which kinds are substitutable by practical work.
 */
@Path("/api/v1/deemed-attendance/requirement-kinds")
@Produces(MediaType.APPLICATION_JSON)
public class RequirementKindResource {

  public record Items<T>(List<T> items) {}

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  @Inject RequirementKinds kinds;
  @Inject JsonWebToken token;

  @GET
  @PermitAll
  public Items<RequirementKindView> list() {
    return new Items<>(kinds.all().stream().map(RequirementKindView::of).toList());
  }

  @GET
  @Path("/{code}")
  @PermitAll
  public Response get(@PathParam("code") String code) {
    RequirementKind kind = kinds.require(checked(code));
    return Response.ok(RequirementKindView.of(kind)).tag(Preconditions.etag(kind.version)).build();
  }

  @PUT
  @Path("/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.IPA_ADMIN)
  public Response change(
      @PathParam("code") @Size(max = 40) String code,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch,
      @Valid @NotNull RequirementKindChange body) {
    RequirementKind kind = kinds.change(checked(code), ifMatch, body, token.getSubject());
    return Response.ok(RequirementKindView.of(kind)).tag(Preconditions.etag(kind.version)).build();
  }

  private static String checked(String code) {
    if (code == null || code.length() > 40 || !CODE.matcher(code).matches()) {
      throw ProblemException.badRequest(
          "code", "must be a requirement kind code such as practical-course");
    }
    return code;
  }
}
