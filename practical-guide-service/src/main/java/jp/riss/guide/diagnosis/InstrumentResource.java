package jp.riss.guide.diagnosis;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/** The self-diagnosis instruments, public so portals can render the questions. */
@Path("/api/v1/guide/instruments")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class InstrumentResource {

  @Inject Instruments instruments;
  @Inject ObjectMapper json;

  @GET
  public Response list(
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, Set.of("lang"));
    return instruments.list(Language.negotiate(lang, accept)).respond(ifNoneMatch, json);
  }

  @GET
  @Path("/{code}/versions/{version}")
  public Response get(
      @PathParam("code") String code,
      @PathParam("version") String version,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, Set.of("lang"));
    return instruments
        .get(code, version, Language.negotiate(lang, accept))
        .respond(ifNoneMatch, json);
  }
}
