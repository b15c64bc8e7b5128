package jp.riss.activelist.listing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import jp.riss.activelist.history.ListingHistory;
import jp.riss.activelist.history.ListingHistory.Actor;
import jp.riss.activelist.history.ListingHistoryEntry;
import jp.riss.activelist.verification.RegistrationFact;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Preconditions;

/**
 * Creates listings and moves them through their lifecycle. Each change fires {@link
 * ListingTouched}; the change feed turns whatever that changed in public into its feed entry and
 * event at commit.
 */
@ApplicationScoped
public class ListingService {

  @Inject Clock clock;

  private static final Set<ListingStatus> WITHDRAWABLE =
      EnumSet.of(
          ListingStatus.DRAFT,
          ListingStatus.PENDING_REVIEW,
          ListingStatus.PUBLISHED,
          ListingStatus.SUSPENDED,
          ListingStatus.STALE);

  @Inject DeclaredReferences references;
  @Inject ListingHistory history;
  @Inject Event<ListingTouched> touched;

  @Transactional
  public Listing create(Actor owner, NewListing request) {
    SelfDeclared declared = request.selfDeclared();
    references.check("selfDeclared.", declared);
    String registrationNumber = heldRegistrationNumber(owner, request.registrationNumber());
    Listing.byRegistrationNumber(registrationNumber)
        .ifPresent(
            existing -> {
              throw new ProblemException(
                  Problem.of(
                          409,
                          "listing-exists",
                          "Listing exists",
                          "There is already a listing for this registration number.")
                      .with(
                          "existingListingId",
                          existing.isOwnedBy(owner.subject()) ? existing.id : null));
            });
    OffsetDateTime now = OffsetDateTime.now(clock);
    Listing listing = new Listing();
    listing.id = UUID.randomUUID();
    listing.ownerSubject = owner.subject();
    listing.registrationNumber = registrationNumber;
    listing.declare(declared);
    Map<String, ListingHistoryEntry.FieldChange> changes = ListingHistory.diff(null, declared);
    listing.declaredAt = new TreeMap<>();
    changes.keySet().forEach(field -> listing.declaredAt.put(field, now));
    listing.status = ListingStatus.DRAFT;
    listing.createdAt = now;
    listing.updatedAt = now;
    listing.reconfirmedAt = now;
    listing.persistAndFlush();
    history.record(listing.id, owner, "CREATED", changes, null, now);
    touched.fire(new ListingTouched(listing.id));
    return listing;
  }

  /**
   * The registration number the caller holds, as IPA's registry binds it to their account (the read
   * model of the deemed-attendance service's registration events): the number sent must be it, and
   * without one sent it is taken from there. Checked before anything about an existing listing is
   * said, so nobody learns whether a number someone else holds is listed.
   */
  private static String heldRegistrationNumber(Actor owner, String requested) {
    RegistrationFact held =
        requested == null
            ? RegistrationFact.heldBy(owner.subject()).orElse(null)
            : RegistrationFact.<RegistrationFact>findByIdOptional(requested)
                .filter(fact -> fact.isHeldBy(owner.subject()))
                .orElse(null);
    if (held != null) {
      return held.registrationNumber;
    }
    String detail =
        requested == null
            ? "IPA's registry binds no registration number to your account yet."
            : "IPA's registry does not bind registration number " + requested + " to your account.";
    throw new ProblemException(
        Problem.of(403, "registration-not-held", "Registration number not held", detail)
            .withViolations(
                List.of(
                    new Problem.Violation(
                        "registrationNumber",
                        requested == null
                            ? "no registration number is bound to your account"
                            : "is not a registration number bound to your account"))));
  }

  /**
   * The owner's edit of what they declare; a published listing's public state changes at once, with
   * its event. Saving counts as reconfirming the listing is current.
   */
  @Transactional
  public Listing update(UUID id, Actor owner, String ifMatch, SelfDeclared declared) {
    Listing listing = requireOwned(id, owner.subject());
    Preconditions.requireIfMatch(ifMatch, listing.version);
    references.check("", declared);
    if (listing.status == ListingStatus.WITHDRAWN) {
      throw ProblemException.conflict(
          "invalid-transition", "Listing withdrawn", "A withdrawn listing cannot be edited.");
    }
    Map<String, ListingHistoryEntry.FieldChange> changes =
        ListingHistory.diff(listing.selfDeclared(), declared);
    OffsetDateTime now = OffsetDateTime.now(clock);
    listing.declare(declared);
    Map<String, OffsetDateTime> declaredAt = new TreeMap<>(listing.declaredAt);
    changes.keySet().forEach(field -> declaredAt.put(field, now));
    listing.declaredAt = declaredAt;
    listing.updatedAt = now;
    listing.reconfirmedAt = now;
    listing.persistAndFlush();
    history.record(listing.id, owner, "UPDATED", changes, null, now);
    // What the public sees changes, if at all, through the change feed at commit.
    touched.fire(new ListingTouched(listing.id));
    return listing;
  }

  @Transactional
  public Listing withdraw(UUID id, Actor owner) {
    Listing listing = requireOwned(id, owner.subject());
    transition(listing, WITHDRAWABLE, ListingStatus.WITHDRAWN, owner, null);
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

  /** Moves a listing to another status, recording who did it and why, or refuses with a 409. */
  public void transition(
      Listing listing, Set<ListingStatus> from, ListingStatus to, Actor actor, String reason) {
    if (!from.contains(listing.status)) {
      throw ProblemException.conflict(
          "invalid-transition",
          "Invalid status transition",
          "A " + listing.status + " listing cannot become " + to + ".");
    }
    ListingStatus before = listing.status;
    listing.status = to;
    listing.statusReason = reason;
    listing.updatedAt = OffsetDateTime.now(clock);
    listing.persistAndFlush();
    history.record(
        listing.id,
        actor,
        "STATUS_CHANGED",
        Map.of("status", new ListingHistoryEntry.FieldChange(before, to)),
        reason,
        listing.updatedAt);
    touched.fire(new ListingTouched(listing.id));
  }
}
