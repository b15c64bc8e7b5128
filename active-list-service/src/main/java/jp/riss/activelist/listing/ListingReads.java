package jp.riss.activelist.listing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.history.ListingHistory;
import jp.riss.activelist.history.ListingHistoryEntry;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Cursors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * One listing and its history as the caller may see them: a published listing to anyone, any other
 * state and the history only to its owner and IPA (to everyone else, as if absent).
 */
@ApplicationScoped
public class ListingReads {

  private static final Set<ListingStatus> PUBLIC = EnumSet.of(ListingStatus.PUBLISHED);

  @Inject ListingService listings;
  @Inject ListingViewer viewer;
  @Inject ListingHistory history;

  @Transactional
  public ListingView view(UUID id, JsonWebToken token) {
    Listing listing = listings.require(id);
    if (!PUBLIC.contains(listing.status) && !Audience.of(token, listing).seesInternals()) {
      throw ProblemException.notFound("listing " + id);
    }
    return viewer.of(listing);
  }

  @Transactional
  public HistoryPage history(UUID id, JsonWebToken token, int limit, String cursor, UriInfo uri) {
    Listing listing = listings.require(id);
    if (!Audience.of(token, listing).seesInternals()) {
      throw ProblemException.notFound("listing " + id);
    }
    Long after = Cursors.decode(cursor, Long.class);
    List<ListingHistoryEntry> entries =
        history.of(listing.id, after == null ? 0 : after, limit + 1);
    boolean more = entries.size() > limit;
    List<ListingHistoryEntry> page = more ? entries.subList(0, limit) : entries;
    return new HistoryPage(
        page.stream().map(HistoryPage.Entry::of).toList(),
        more ? Cursors.nextLink(uri, page.get(limit - 1).id) : null);
  }
}
