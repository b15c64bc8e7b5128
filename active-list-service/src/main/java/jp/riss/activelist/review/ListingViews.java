package jp.riss.activelist.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jp.riss.activelist.listing.Audience;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingView;
import jp.riss.activelist.verification.Verification;
import jp.riss.platform.web.Preconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A listing as the caller may see it, with its verified facts and ETag, for lifecycle answers. */
@ApplicationScoped
public class ListingViews {

  @Inject Verification verification;
  @Inject JsonWebToken token;

  public ListingView of(Listing listing) {
    return ListingView.of(
        listing,
        verification.of(
            listing.registrationNumber,
            listing.engagementsCompleted,
            listing.engagementsVerifiedAt),
        Audience.of(token, listing));
  }

  public Response ok(Listing listing) {
    return Response.ok(of(listing)).tag(Preconditions.etag(listing.version)).build();
  }
}
