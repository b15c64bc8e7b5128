package jp.riss.deemedattendance.syllabus;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The exam syllabus and the guidance-theme mapping: public reads; IPA administrators set which
 * sub-items are shaded.
 */
@Path("/api/v1/deemed-attendance")
@Produces(MediaType.APPLICATION_JSON)
public class SyllabusResource {

  /** What an IPA administrator sends to change a sub-item's shading. */
  public record ShadingChange(@NotNull Boolean shaded) {}

  public record Items<T>(List<T> items) {}

  private static final Pattern CODE = Pattern.compile("[0-9]{1,2}-[0-9]{1,2}");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,2}");

  @Inject Syllabus syllabus;
  @Inject JsonWebToken token;

  @GET
  @PermitAll
  @Path("/syllabus-items")
  public Items<SyllabusItemView> items(@Context UriInfo uri) {
    return new Items<>(syllabus.items(area(uri.getQueryParameters().get("area"))));
  }

  @GET
  @PermitAll
  @Path("/syllabus-items/{code}")
  public Response item(@PathParam("code") String code) {
    SyllabusItemDetail item =
        syllabus
            .item(checked(code))
            .orElseThrow(() -> ProblemException.notFound("syllabus sub-item " + code));
    long version = syllabus.entity(code).orElseThrow().version;
    return Response.ok(item).tag(Preconditions.etag(version)).build();
  }

  @PUT
  @Path("/syllabus-items/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.IPA_ADMIN)
  public Response shade(
      @PathParam("code") @Size(max = 5) String code,
      @HeaderParam(Preconditions.IF_MATCH) @Size(max = 256) String ifMatch,
      @Valid @NotNull ShadingChange body) {
    SyllabusItemDetail item =
        syllabus.shade(checked(code), ifMatch, body.shaded(), token.getSubject());
    return Response.ok(item)
        .tag(Preconditions.etag(syllabus.entity(code).orElseThrow().version))
        .build();
  }

  private static String checked(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw ProblemException.badRequest("code", "must be a syllabus sub-item code such as 1-1");
    }
    return code;
  }

  @GET
  @PermitAll
  @Path("/theme-mappings")
  public Items<ThemeMapping> themeMappings() {
    return new Items<>(syllabus.themeMappings());
  }

  /** Absent means every area; present (even empty or repeated) it must be one known area. */
  private Optional<Integer> area(List<String> values) {
    if (values == null) {
      return Optional.empty();
    }
    List<Integer> areas = syllabus.areaNumbers();
    String value = values.size() == 1 ? values.get(0) : "";
    if (NUMBER.matcher(value).matches() && areas.contains(Integer.valueOf(value))) {
      return Optional.of(Integer.valueOf(value));
    }
    throw ProblemException.badRequest(
        "area", "must be given once, as a syllabus area number: one of " + areas);
  }
}
