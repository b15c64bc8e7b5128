package jp.riss.deemedattendance.syllabus;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.riss.platform.problem.ProblemException;

/** The exam syllabus and the guidance-theme mapping, public and read only. */
@Path("/api/v1/deemed-attendance")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SyllabusResource {

  public record Items<T>(List<T> items) {}

  private static final Pattern CODE = Pattern.compile("[0-9]{1,2}-[0-9]{1,2}");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,2}");

  @Inject Syllabus syllabus;

  @GET
  @Path("/syllabus-items")
  @Transactional
  public Items<SyllabusItemView> items(@Context UriInfo uri) {
    return new Items<>(syllabus.items(area(uri.getQueryParameters().get("area"))));
  }

  @GET
  @Path("/syllabus-items/{code}")
  @Transactional
  public SyllabusItemDetail item(@PathParam("code") String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw ProblemException.badRequest("code", "must be a syllabus sub-item code such as 1-1");
    }
    return syllabus
        .item(code)
        .orElseThrow(() -> ProblemException.notFound("syllabus sub-item " + code));
  }

  @GET
  @Path("/theme-mappings")
  @Transactional
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
