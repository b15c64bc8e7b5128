package jp.riss.activelist.search;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import jp.riss.platform.web.Cursors;

/**
 * Public search of the Active List (no token needed; a presented token must be valid). Answered
 * from the in-memory index; the impressions a page causes are counted for exposure damping.
 */
@Path("/api/v1/active-list/listings")
@Produces(MediaType.APPLICATION_JSON)
public class ListingSearchResource {

  @Inject Clock clock;

  @Inject ListingSearch search;
  @Inject Impressions impressions;
  @Inject SearchConfig config;
  @Inject SearchPageJson json;

  /**
   * Answers with a {@link SearchPage}, written from the index's pre-serialised pieces. Runs on the
   * I/O thread: the search touches only memory (the index, the in-memory impression counters), and
   * handing each request to a worker thread and back cost more than the search itself.
   */
  @GET
  @PermitAll
  @NonBlocking
  public byte[] search(@Context UriInfo uri) {
    SearchQuery query =
        SearchQuery.parse(
            uri.getQueryParameters(), search.codes(), config.defaultLimit(), config.maxLimit());
    SearchResult result = search.search(query);
    impressions.record(search.codes(), result.hits(), result.firstPosition(), Instant.now(clock));
    return json.write(result, result.next() == null ? null : Cursors.nextLink(uri, result.next()));
  }
}
