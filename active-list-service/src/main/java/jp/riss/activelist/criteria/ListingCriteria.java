package jp.riss.activelist.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.riss.activelist.ethics.EthicsPledges;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.verification.RegistrationFact;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/** Evaluates the enabled listing criteria (rows of {@code listing_criterion}) for listings. */
@ApplicationScoped
public class ListingCriteria {

  @Inject Clock clock;

  /** Registration dates are Japanese calendar dates. */
  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  @Inject ObjectMapper json;
  @Inject EthicsPledges pledges;

  /** Every enabled criterion, against the listing's current declaration and registry facts. */
  public CriteriaEvaluation evaluate(Listing listing) {
    return evaluate(
        listing,
        RegistrationFact.findById(listing.registrationNumber),
        ListingCriterion.enabled(),
        pledges.currentVersion());
  }

  /** The enabled criteria whose outcome a registry change can change. */
  public List<ListingCriterion> registryCriteria() {
    return ListingCriterion.enabled().stream().filter(c -> c.kind.readsRegistry()).toList();
  }

  public CriteriaEvaluation evaluate(
      Listing listing,
      RegistrationFact registry,
      List<ListingCriterion> criteria,
      String currentPledgeVersion) {
    JsonNode declaration = json.valueToTree(listing.selfDeclared());
    Subject subject =
        new Subject(
            declaration,
            registry,
            listing.ownerSubject,
            listing.ethicsPledgeVersion,
            currentPledgeVersion,
            LocalDate.now(clock.withZone(JAPAN)));
    return CriteriaEvaluation.of(
        criteria.stream()
            .map(
                c ->
                    c.kind.passes(c.params, subject)
                        ? new CriterionResult(c.code, true, null, null)
                        : new CriterionResult(
                            c.code, false, c.fill(c.failureEn), c.fill(c.failureJa)))
            .toList());
  }

  /** Refuses (422 naming each failed criterion) unless the listing meets every criterion. */
  public void require(Listing listing) {
    CriteriaEvaluation evaluation = evaluate(listing);
    if (!evaluation.passed()) {
      throw new ProblemException(
          Problem.of(
                  422,
                  "criteria-not-met",
                  "Listing criteria not met",
                  "The listing does not meet "
                      + evaluation.failed().size()
                      + " listing criteria; see failedCriteria.")
              .with("failedCriteria", evaluation.failed()));
    }
  }
}
