package jp.riss.activelist.ethics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.history.ListingHistory;
import jp.riss.activelist.history.ListingHistory.Actor;
import jp.riss.activelist.history.ListingHistoryEntry;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingService;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.listing.ListingTouched;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/** The current ethics pledge, and owners accepting it for their listing. */
@ApplicationScoped
public class EthicsPledges {

  @Inject Clock clock;

  @Inject ListingService listings;
  @Inject ListingHistory history;
  @Inject Event<ListingTouched> touched;

  /** The pledge in effect, as owners read it before accepting. */
  public record Pledge(
      String version, OffsetDateTime effectiveFrom, String textJa, String textEn) {}

  @Transactional
  public Pledge currentText() {
    EthicsPledge current = current();
    return new Pledge(current.version, current.effectiveFrom, current.textJa, current.textEn);
  }

  public EthicsPledge current() {
    return EthicsPledge.current(OffsetDateTime.now(clock))
        .orElseThrow(() -> new IllegalStateException("no ethics pledge in effect (migrations)"));
  }

  public String currentVersion() {
    return EthicsPledge.current(OffsetDateTime.now(clock)).map(p -> p.version).orElse(null);
  }

  /**
   * Records that the owner accepted {@code version}; only the current version counts, so accepting
   * an older text a client still shows is a conflict the client must resolve by showing the new
   * one.
   */
  @Transactional
  public Listing accept(UUID id, Actor owner, String version) {
    Listing listing = listings.require(id);
    if (!listing.isOwnedBy(owner.subject())) {
      throw ProblemException.notFound("listing " + id);
    }
    if (listing.status == ListingStatus.WITHDRAWN) {
      throw ProblemException.conflict(
          "invalid-transition",
          "Listing withdrawn",
          "A WITHDRAWN listing cannot accept the ethics pledge.");
    }
    if (EthicsPledge.findById(version) == null) {
      throw ProblemException.badRequest("version", "is not a version of the ethics pledge");
    }
    String current = current().version;
    if (!current.equals(version)) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "ethics-pledge-outdated",
                  "Ethics pledge version outdated",
                  "Version "
                      + version
                      + " is not the current ethics pledge; accept "
                      + current
                      + ".")
              .withViolations(
                  List.of(
                      new Problem.Violation("version", "is not the current version " + current)))
              .with("currentVersion", current));
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String before = listing.ethicsPledgeVersion;
    listing.ethicsPledgeVersion = version;
    listing.ethicsPledgeAcceptedAt = now;
    listing.updatedAt = now;
    listing.persistAndFlush();
    history.record(
        listing.id,
        owner,
        "ETHICS_PLEDGE_ACCEPTED",
        Map.of("ethicsPledgeVersion", new ListingHistoryEntry.FieldChange(before, version)),
        null,
        now);
    touched.fire(new ListingTouched(listing.id));
    return listing;
  }
}
