package jp.riss.activelist.listing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.reference.ReferenceData;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Preconditions;

/** Creates listings and moves them through their lifecycle, recording each change's event. */
@ApplicationScoped
public class ListingService {

  private static final Set<ListingStatus> PUBLISHABLE =
      EnumSet.of(ListingStatus.DRAFT, ListingStatus.PENDING_REVIEW);
  private static final Set<ListingStatus> WITHDRAWABLE =
      EnumSet.of(
          ListingStatus.DRAFT,
          ListingStatus.PENDING_REVIEW,
          ListingStatus.PUBLISHED,
          ListingStatus.SUSPENDED,
          ListingStatus.STALE);

  @Inject ReferenceData referenceData;
  @Inject Outbox outbox;
  @Inject EventSource events;

  @Transactional
  public Listing create(String owner, NewListing request) {
    checkReferences(request.prefectures(), request.themes());
    Listing.byRegistrationNumber(request.registrationNumber())
        .ifPresent(
            existing -> {
              throw new ProblemException(
                  Problem.of(
                          409,
                          "listing-exists",
                          "Listing exists",
                          "There is already a listing for this registration number.")
                      .with("existingListingId", existing.isOwnedBy(owner) ? existing.id : null));
            });
    OffsetDateTime now = OffsetDateTime.now();
    Listing listing = new Listing();
    listing.id = UUID.randomUUID();
    listing.ownerSubject = owner;
    listing.registrationNumber = request.registrationNumber();
    listing.displayName = request.displayName().strip();
    listing.prefectures = normalised(request.prefectures());
    listing.themes = request.themes().stream().distinct().sorted().toArray(Integer[]::new);
    listing.status = ListingStatus.DRAFT;
    listing.createdAt = now;
    listing.updatedAt = now;
    listing.persistAndFlush();
    return listing;
  }

  /** The owner's edit; a published listing's public state changes at once, with its event. */
  @Transactional
  public Listing update(UUID id, String subject, String ifMatch, ListingChanges changes) {
    Listing listing = requireOwned(id, subject);
    Preconditions.requireIfMatch(ifMatch, listing.version);
    checkReferences(changes.prefectures(), changes.themes());
    if (listing.status == ListingStatus.WITHDRAWN) {
      throw ProblemException.conflict(
          "invalid-transition", "Listing withdrawn", "A withdrawn listing cannot be edited.");
    }
    listing.displayName = changes.displayName().strip();
    listing.prefectures = normalised(changes.prefectures());
    listing.themes = changes.themes().stream().distinct().sorted().toArray(Integer[]::new);
    listing.updatedAt = OffsetDateTime.now();
    listing.persistAndFlush();
    if (listing.status == ListingStatus.PUBLISHED) {
      record(listing, ListingChanged.CHANGED);
    }
    return listing;
  }

  @Transactional
  public Listing publish(UUID id) {
    Listing listing = require(id);
    transition(listing, PUBLISHABLE, ListingStatus.PUBLISHED);
    listing.publishedAt = listing.updatedAt;
    record(listing, ListingChanged.PUBLISHED);
    return listing;
  }

  @Transactional
  public Listing withdraw(UUID id, String subject) {
    Listing listing = requireOwned(id, subject);
    boolean wasPublic = listing.status == ListingStatus.PUBLISHED;
    transition(listing, WITHDRAWABLE, ListingStatus.WITHDRAWN);
    if (wasPublic || listing.publishedAt != null) {
      record(listing, ListingChanged.WITHDRAWN);
    }
    return listing;
  }

  public Listing require(UUID id) {
    Listing listing = Listing.findById(id);
    if (listing == null) {
      throw ProblemException.notFound("listing " + id);
    }
    return listing;
  }

  private Listing requireOwned(UUID id, String subject) {
    Listing listing = require(id);
    if (!listing.isOwnedBy(subject)) {
      // Not the owner's: answer as if it did not exist, so ids cannot be probed.
      throw ProblemException.notFound("listing " + id);
    }
    return listing;
  }

  private static String[] normalised(java.util.List<String> prefectures) {
    return prefectures.stream().distinct().sorted().toArray(String[]::new);
  }

  private void transition(Listing listing, Set<ListingStatus> from, ListingStatus to) {
    if (!from.contains(listing.status)) {
      throw ProblemException.conflict(
          "invalid-transition",
          "Invalid status transition",
          "A " + listing.status + " listing cannot become " + to + ".");
    }
    listing.status = to;
    listing.updatedAt = OffsetDateTime.now();
    // Flush so the version the event carries is the one stored.
    listing.persistAndFlush();
  }

  private void record(Listing listing, String type) {
    outbox.append(
        ListingChanged.TOPIC,
        listing.id.toString(),
        events.create(
            type, listing.id.toString(), ListingChanged.SCHEMA, ListingChanged.of(listing)));
  }

  private void checkReferences(List<String> requestedPrefectures, List<Integer> requestedThemes) {
    List<Problem.Violation> violations = new ArrayList<>();
    Set<String> prefectures = referenceData.prefectureCodes();
    for (int i = 0; i < requestedPrefectures.size(); i++) {
      if (!prefectures.contains(requestedPrefectures.get(i))) {
        violations.add(
            new Problem.Violation("prefectures[" + i + "]", "is not a JIS X 0401 prefecture code"));
      }
    }
    Set<Integer> themes = referenceData.themeNumbers();
    for (int i = 0; i < requestedThemes.size(); i++) {
      if (!themes.contains(requestedThemes.get(i))) {
        violations.add(
            new Problem.Violation("themes[" + i + "]", "is not a guidance theme number"));
      }
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
  }
}
