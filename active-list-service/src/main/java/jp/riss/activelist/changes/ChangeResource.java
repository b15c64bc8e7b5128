package jp.riss.activelist.changes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jp.riss.platform.feed.FeedPosition;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.Cursors;
import jp.riss.platform.web.PageLimit;

/**
 * The change feed for CRM sync. Support bodies keep copies of the list; IPA reads it to check what
 * they get. Companies and specialists have no copy to keep (they search and read listings).
 */
@Path("/api/v1/active-list/changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  @Inject ChangeFeed feed;
  @Context UriInfo uri;

  @GET
  @RolesAllowed({Roles.SUPPORT_BODY, Roles.IPA_ADMIN, Roles.IPA_REVIEWER})
  public ChangePage changes(
      @QueryParam("limit") String limit, @QueryParam("cursor") @Size(max = 500) String cursor) {
    int size = PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT);
    ChangeFeed.FeedPage page = feed.read(FeedPosition.decode(cursor), size);
    String next = Cursors.encode(page.next());
    return new ChangePage(
        page.entries(), next, Cursors.nextLink(uri, page.next()), page.snapshot(), page.caughtUp());
  }
}
