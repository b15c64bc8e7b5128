package jp.riss.activelist.search;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import jp.riss.platform.web.Cursors;

/**
 * Public search of the Active List (no token needed; a presented token must be valid). Answered
 * from the in-memory index; the impressions a page causes are counted for exposure damping.
 */
@Path("/api/v1/active-list/listings")
@Produces(MediaType.APPLICATION_JSON)
public class ListingSearchResource {

  @Inject ListingSearch search;
  @Inject Impressions impressions;
  @Inject SearchConfig config;

  @GET
  @PermitAll
  public SearchPage search(@Context UriInfo uri) {
    SearchQuery query =
        SearchQuery.parse(
            uri.getQueryParameters(), search.codes(), config.defaultLimit(), config.maxLimit());
    SearchResult result = search.search(query);
    impressions.record(search.codes(), result.items(), result.firstPosition(), Instant.now());
    return new SearchPage(
        result.items(),
        result.total(),
        result.facets(),
        result.seed(),
        result.next() == null ? null : Cursors.nextLink(uri, result.next()));
  }
}
