package jp.riss.activelist.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingView;
import jp.riss.activelist.listing.ListingViewer;
import jp.riss.platform.web.Preconditions;

/** A listing as the caller may see it, with its verified facts and ETag, for lifecycle answers. */
@ApplicationScoped
public class ListingViews {

  @Inject ListingViewer viewer;

  public ListingView of(Listing listing) {
    return viewer.of(listing);
  }

  public Response ok(Listing listing) {
    return Response.ok(of(listing)).tag(Preconditions.etag(listing.version)).build();
  }
}
