package jp.riss.activelist.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.criteria.CriteriaEvaluation;
import jp.riss.activelist.criteria.ListingCriteria;
import jp.riss.activelist.history.ListingHistory;
import jp.riss.activelist.history.ListingHistory.Actor;
import jp.riss.activelist.history.ListingHistoryEntry;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingService;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.listing.ListingTouched;
import jp.riss.platform.problem.ProblemException;

/**
 * The review lifecycle: owners submit, reviewers approve or reject, IPA suspends and reinstates,
 * owners reconfirm. Every way into PUBLISHED re-checks the listing criteria (422 naming each failed
 * one). What each step changes in public (published, delisted) reaches the change feed and the
 * listing events through {@link ListingTouched}, in the transaction of the change.
 */
@ApplicationScoped
public class ListingLifecycle {

  @Inject Clock clock;

  private static final Set<ListingStatus> SUBMITTABLE =
      EnumSet.of(ListingStatus.DRAFT, ListingStatus.REJECTED);
  private static final Set<ListingStatus> IN_REVIEW = EnumSet.of(ListingStatus.PENDING_REVIEW);
  private static final Set<ListingStatus> LISTED = EnumSet.of(ListingStatus.PUBLISHED);
  private static final Set<ListingStatus> SUSPENDED = EnumSet.of(ListingStatus.SUSPENDED);
  private static final Set<ListingStatus> STALE = EnumSet.of(ListingStatus.STALE);

  @Inject ListingService listings;
  @Inject ListingCriteria criteria;
  @Inject ListingHistory history;
  @Inject Notices notices;
  @Inject Event<ListingTouched> touched;

  @Transactional
  public Listing submit(UUID id, Actor owner) {
    Listing listing = owned(id, owner);
    requireStatus(listing, SUBMITTABLE, ListingStatus.PENDING_REVIEW);
    criteria.require(listing);
    listings.transition(listing, SUBMITTABLE, ListingStatus.PENDING_REVIEW, owner, null);
    ListingSubmission submission = ListingSubmission.findById(listing.id);
    if (submission == null) {
      submission = new ListingSubmission();
      submission.listingId = listing.id;
    }
    // Microseconds, as stored, so the queue's cursor compares equal to what it read.
    submission.submittedAt = listing.updatedAt.truncatedTo(ChronoUnit.MICROS);
    submission.submittedBy = owner.subject();
    submission.persist();
    return listing;
  }

  /** Criteria are checked again: the registry may have changed while the listing waited. */
  @Transactional
  public Listing approve(UUID id, Actor reviewer) {
    Listing listing = listings.require(id);
    requireStatus(listing, IN_REVIEW, ListingStatus.PUBLISHED);
    criteria.require(listing);
    listings.transition(listing, IN_REVIEW, ListingStatus.PUBLISHED, reviewer, null);
    listing.publishedAt = listing.updatedAt;
    listing.persistAndFlush();
    return listing;
  }

  @Transactional
  public Listing reject(UUID id, Actor reviewer, String reason) {
    Listing listing = listings.require(id);
    listings.transition(listing, IN_REVIEW, ListingStatus.REJECTED, reviewer, reason);
    return listing;
  }

  @Transactional
  public Listing suspend(UUID id, Actor ipa, String reason) {
    Listing listing = listings.require(id);
    listings.transition(listing, LISTED, ListingStatus.SUSPENDED, ipa, reason);
    return listing;
  }

  @Transactional
  public Listing reinstate(UUID id, Actor ipa) {
    Listing listing = listings.require(id);
    requireStatus(listing, SUSPENDED, ListingStatus.PUBLISHED);
    criteria.require(listing);
    listings.transition(listing, SUSPENDED, ListingStatus.PUBLISHED, ipa, null);
    return listing;
  }

  /**
   * The owner confirms the listing is current: the staleness clock restarts, and a STALE listing
   * returns to the list if it still meets the criteria.
   */
  @Transactional
  public Listing reconfirm(UUID id, Actor owner) {
    Listing listing = owned(id, owner);
    OffsetDateTime before = listing.reconfirmedAt;
    if (listing.status == ListingStatus.PUBLISHED) {
      OffsetDateTime now = OffsetDateTime.now(clock);
      listing.reconfirmedAt = now;
      listing.updatedAt = now;
      listing.persistAndFlush();
      history.record(
          listing.id,
          owner,
          "RECONFIRMED",
          Map.of("reconfirmedAt", new ListingHistoryEntry.FieldChange(before, now)),
          null,
          now);
      touched.fire(new ListingTouched(listing.id));
      return listing;
    }
    requireStatus(listing, STALE, ListingStatus.PUBLISHED);
    criteria.require(listing);
    listing.reconfirmedAt = OffsetDateTime.now(clock);
    listings.transition(listing, STALE, ListingStatus.PUBLISHED, owner, null);
    return listing;
  }

  /**
   * The registry made a published listing fail criteria, by a change ({@code registryEventId}) or
   * by the date alone (a course falling due undone, a cycle nearing its end; no event id): off the
   * list, owner told. {@code cause} opens the status reason.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void suspendForRegistry(
      Listing listing, String cause, UUID registryEventId, CriteriaEvaluation evaluation) {
    listings.transition(
        listing,
        LISTED,
        ListingStatus.SUSPENDED,
        Actor.system("ipa-registry"),
        cause + ": " + evaluation.summary());
    notices.send(
        ListingNotice.LISTING_SUSPENDED,
        new ListingNotice(
            listing.id,
            listing.registrationNumber,
            evaluation.failed(),
            registryEventId,
            null,
            null));
  }

  /** Not reconfirmed in time: off the list until its owner reconfirms, owner told. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void markStale(Listing listing, OffsetDateTime staleAt) {
    OffsetDateTime reconfirmedAt = listing.reconfirmedAt;
    listings.transition(
        listing,
        LISTED,
        ListingStatus.STALE,
        Actor.system("staleness-run"),
        "Not reconfirmed since " + reconfirmedAt);
    notices.send(
        ListingNotice.LISTING_STALE,
        new ListingNotice(
            listing.id, listing.registrationNumber, List.of(), null, reconfirmedAt, staleAt));
  }

  private Listing owned(UUID id, Actor owner) {
    Listing listing = listings.require(id);
    if (!listing.isOwnedBy(owner.subject())) {
      // Answer as if it did not exist, so ids cannot be probed.
      throw ProblemException.notFound("listing " + id);
    }
    return listing;
  }

  /**
   * The state check before criteria, so a listing in the wrong state hears about its state (409)
   * rather than about criteria (422); the same answer {@link ListingService#transition} gives.
   */
  private static void requireStatus(Listing listing, Set<ListingStatus> from, ListingStatus to) {
    if (!from.contains(listing.status)) {
      throw ProblemException.conflict(
          "invalid-transition",
          "Invalid status transition",
          "A " + listing.status + " listing cannot become " + to + ".");
    }
  }
}
