package jp.riss.community.programme;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;
import jp.riss.platform.problem.ProblemException;

/** The Security Camp programmes, public and read only. */
@Path("/api/v1/community/programmes")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ProgrammeResource {

  public record Items<T>(List<T> items) {}

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  @Inject Programmes programmes;

  @GET
  @Transactional
  public Items<ProgrammeView> list() {
    return new Items<>(programmes.all());
  }

  @GET
  @Path("/{code}")
  @Transactional
  public ProgrammeDetail get(@PathParam("code") String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw ProblemException.badRequest(
          "code", "must be a programme code: a-z first, then a-z, 0-9 or '-', at most 40");
    }
    return programmes
        .byCode(code)
        .orElseThrow(() -> ProblemException.notFound("programme " + code));
  }
}
