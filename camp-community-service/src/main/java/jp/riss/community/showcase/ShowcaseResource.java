package jp.riss.community.showcase;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.community.support.QueryParams;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.PageLimit;

/** The public showcase and its change feed: no token, nothing about anyone beyond their consent. */
@Path("/api/v1/community/showcase")
@Produces(MediaType.APPLICATION_JSON)
public class ShowcaseResource {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final int FEED_DEFAULT_LIMIT = 100;
  static final int FEED_MAX_LIMIT = 500;

  @Inject Showcase showcase;
  @Context UriInfo uri;

  @GET
  @PermitAll
  public Response page(@HeaderParam("If-None-Match") @Size(max = 200) String ifNoneMatch) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    Showcase.Tagged tagged =
        showcase.page(
            Keyset.decode(uri.getQueryParameters().getFirst("cursor")),
            PageLimit.parse(uri.getQueryParameters().getFirst("limit"), DEFAULT_LIMIT, MAX_LIMIT),
            uri);
    EntityTag tag = new EntityTag(tagged.etag());
    if (ifNoneMatch != null && ifNoneMatch.contains("\"" + tagged.etag() + "\"")) {
      return Response.notModified(tag).build();
    }
    return Response.ok(tagged.page()).tag(tag).build();
  }

  @GET
  @Path("/changes")
  @PermitAll
  public Showcase.Changes changes() {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return showcase.changes(
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(
            uri.getQueryParameters().getFirst("limit"), FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT),
        uri);
  }
}
