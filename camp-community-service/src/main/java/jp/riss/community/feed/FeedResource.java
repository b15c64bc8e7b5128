package jp.riss.community.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import jp.riss.community.support.QueryParams;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.PageLimit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The calling member's feed of open items that target them. */
@Path("/api/v1/community/alumni/me/feed")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

  @Inject Feed feed;
  @Inject JsonWebToken token;

  @GET
  @RolesAllowed(Roles.ALUMNI)
  public Feed.Page feed(@Context UriInfo uri) {
    QueryParams.only(uri.getQueryParameters(), Set.of("limit", "cursor"));
    return feed.of(
        token.getSubject(),
        uri.getQueryParameters().getFirst("cursor"),
        PageLimit.parse(uri.getQueryParameters().getFirst("limit"), 20, 50),
        uri);
  }
}
