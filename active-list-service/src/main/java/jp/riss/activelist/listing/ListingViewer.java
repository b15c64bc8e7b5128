package jp.riss.activelist.listing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import jp.riss.activelist.verification.Verification;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A listing as the calling token may see it: verified facts looked up now (they change by import
 * and events, not by edits), the availability that applies today, contact details by {@link
 * ContactDisclosure}. Every endpoint answering a listing builds it here.
 */
@ApplicationScoped
public class ListingViewer {

  @Inject Clock clock;

  @Inject Verification verification;
  @Inject ContactDisclosure disclosure;
  @Inject JsonWebToken token;

  public ListingView of(Listing listing) {
    return ListingView.of(
        listing,
        verification.of(
            listing.registrationNumber,
            listing.engagementsCompleted,
            listing.engagementsVerifiedAt),
        Audience.of(token, listing),
        disclosure.disclosesTo(token, listing),
        EffectiveAvailability.of(listing, EffectiveAvailability.today(clock)));
  }
}
