package jp.riss.guide.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
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
import jp.riss.guide.web.CachedRead;
import jp.riss.guide.web.Params;
import jp.riss.guide.web.QueryParams;
import jp.riss.platform.web.Cursors;
import jp.riss.platform.web.PageLimit;

/**
 * The guide's lists outside the Steps (exams, scheme relations, support offers, glossary, cases)
 * and full-text search, all of the current version unless {@code version} names another.
 */
@Path("/api/v1/guide")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class GuideResource {

  private static final Set<String> LIST_PARAMS = Set.of("version", "step", "lang");

  @Inject GuideReads reads;
  @Inject GuideSearch search;
  @Inject SecurityIdentity identity;
  @Inject ObjectMapper json;

  @GET
  @Path("/exams")
  public Response exams(
      @QueryParam("version") @Size(max = 40) String version,
      @QueryParam("step") @Size(max = 1) String step,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    return list("exam", true, version, step, lang, accept, ifNoneMatch, uri);
  }

  @GET
  @Path("/scheme-relations")
  public Response schemeRelations(
      @QueryParam("version") @Size(max = 40) String version,
      @QueryParam("step") @Size(max = 1) String step,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    return list("scheme-relation", true, version, step, lang, accept, ifNoneMatch, uri);
  }

  @GET
  @Path("/support-offers")
  public Response supportOffers(
      @QueryParam("version") @Size(max = 40) String version,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    return list("support-offer", false, version, null, lang, accept, ifNoneMatch, uri);
  }

  @GET
  @Path("/glossary")
  public Response glossary(
      @QueryParam("version") @Size(max = 40) String version,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    return list("glossary", false, version, null, lang, accept, ifNoneMatch, uri);
  }

  @GET
  @Path("/cases")
  public Response cases(
      @QueryParam("version") @Size(max = 40) String version,
      @QueryParam("step") @Size(max = 1) String step,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    return list("case", true, version, step, lang, accept, ifNoneMatch, uri);
  }

  @GET
  @Path("/search")
  public Response search(
      @QueryParam("q") @Size(max = 100) String q,
      @QueryParam("step") @Size(max = 1) String step,
      @QueryParam("limit") String limit,
      @QueryParam(Cursors.PARAM) @Size(max = 500) String cursor,
      @QueryParam("lang") String lang,
      @HeaderParam(Language.HEADER) @Size(max = 500) String accept,
      @HeaderParam(CachedRead.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch,
      @Context UriInfo uri) {
    QueryParams.only(uri, Set.of("q", "step", "limit", Cursors.PARAM, "lang"));
    return search
        .search(
            q,
            Params.step("step", step),
            PageLimit.parse(limit, 20, GuideSearch.LIMIT_MAX),
            Cursors.decode(cursor, GuideSearch.Position.class),
            Language.negotiate(lang, accept),
            position -> Cursors.nextLink(uri, position))
        .respond(ifNoneMatch, json);
  }

  private Response list(
      String kind,
      boolean stepFilter,
      String version,
      String step,
      String lang,
      String accept,
      String ifNoneMatch,
      UriInfo uri) {
    QueryParams.only(uri, stepFilter ? LIST_PARAMS : Set.of("version", "lang"));
    return reads
        .elements(
            version,
            Set.of(kind),
            Params.step("step", step),
            Reader.of(identity),
            Language.negotiate(lang, accept))
        .respond(ifNoneMatch, json);
  }
}
