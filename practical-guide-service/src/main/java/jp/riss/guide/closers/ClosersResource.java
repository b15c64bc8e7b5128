package jp.riss.guide.closers;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.guide.content.Language;
import jp.riss.guide.web.CachedRead;
import jp.riss.guide.web.QueryParams;

/**
 * Who can close a gap of a self-diagnosis. Public: it holds no organisation's data, only the gap, a
 * prefecture and the seed that orders equal specialists.
 */
@Path(ClosersQuery.PATH)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ClosersResource {

  @Inject GapClosers closers;
  @Inject ObjectMapper json;

  @GET
  public Response get(
      @QueryParam("gap") @Size(max = 64) String gap,
      @QueryParam("step") @Size(max = 1) String step,
      @QueryParam("prefecture") @Size(max = 2) String prefecture,
      @QueryParam("seed") @Size(max = 10) String seed,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, Set.of("gap", "step", "prefecture", "seed", "lang"));
    return closers
        .closers(
            ClosersQuery.parse(gap, step, prefecture, seed, lang), Language.negotiate(lang, accept))
        .respond(ifNoneMatch, json);
  }
}
