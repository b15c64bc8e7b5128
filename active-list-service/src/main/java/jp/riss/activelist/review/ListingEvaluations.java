package jp.riss.activelist.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.criteria.CriteriaEvaluation;
import jp.riss.activelist.criteria.CriterionResult;
import jp.riss.activelist.criteria.ListingCriteria;
import jp.riss.activelist.listing.Audience;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingService;
import jp.riss.platform.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** How a listing fares against the criteria now, for its owner and IPA only. */
@ApplicationScoped
public class ListingEvaluations {

  public record ListingEvaluation(UUID listingId, boolean passed, List<CriterionResult> results) {}

  @Inject ListingService listings;
  @Inject ListingCriteria criteria;

  /** 404 to anyone who does not see the listing's internals, as if it were absent. */
  @Transactional
  public ListingEvaluation of(UUID id, JsonWebToken token) {
    Listing listing = listings.require(id);
    if (!Audience.of(token, listing).seesInternals()) {
      throw ProblemException.notFound("listing " + id);
    }
    CriteriaEvaluation evaluation = criteria.evaluate(listing);
    return new ListingEvaluation(listing.id, evaluation.passed(), evaluation.results());
  }
}
