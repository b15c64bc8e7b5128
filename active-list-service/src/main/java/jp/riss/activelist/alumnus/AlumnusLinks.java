package jp.riss.activelist.alumnus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.changes.ChangeFeed;
import jp.riss.activelist.history.ListingHistory;
import jp.riss.activelist.history.ListingHistoryEntry;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingTouched;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.security.Roles;

/**
 * Security Camp alumnus links on the Active List. The community announces a request; only the
 * specialist who owns the listing of that registration number can confirm it (with their own
 * token), and only then does the listing show "Security Camp alumnus (programme, year)" as a
 * verified fact — through the listing's one change mechanism ({@link ListingTouched}, {@link
 * ChangeFeed}), which gives the change-feed entry and the public-revision bump. Either side
 * withdraws; the specialist's decisions go back to the community as {@code
 * activelist.alumnus-link.v1}.
 */
@ApplicationScoped
public class AlumnusLinks {

  private static final ListingHistory.Actor COMMUNITY =
      ListingHistory.Actor.system("camp-community-service");

  /** A link as its specialist sees it. */
  public record LinkView(
      UUID linkId,
      String registrationNumber,
      String programme,
      String programmeNameJa,
      int fiscalYear,
      String state,
      OffsetDateTime requestedAt,
      OffsetDateTime confirmedAt) {

    static LinkView of(CampAlumnusLink l) {
      return new LinkView(
          l.linkId,
          l.registrationNumber,
          l.programme,
          l.programmeNameJa,
          l.fiscalYear,
          l.state,
          l.requestedAt,
          l.confirmedAt);
    }
  }

  public record Items(List<LinkView> items) {}

  @Inject ListingHistory history;
  @Inject Event<ListingTouched> touched;
  @Inject ChangeFeed changeFeed;
  @Inject Outbox outbox;
  @Inject EventSource events;
  @Inject Clock clock;

  /** A request from the community: pending, unless already known (redelivered or withdrawn). */
  @Transactional(Transactional.TxType.MANDATORY)
  void requested(CommunityLinkRequest r) {
    if (CampAlumnusLink.findById(r.linkId()) != null) {
      return;
    }
    CampAlumnusLink link = new CampAlumnusLink();
    link.linkId = r.linkId();
    link.registrationNumber = r.registrationNumber();
    link.programme = r.programme();
    link.programmeNameJa = r.programmeNameJa();
    link.fiscalYear = r.fiscalYear();
    link.state = CampAlumnusLink.PENDING;
    link.requestedAt = r.at();
    link.persist();
  }

  /** The alumnus withdrew it in the community: gone here, from the listing too if shown. */
  @Transactional(Transactional.TxType.MANDATORY)
  void withdrawnByAlumnus(CommunityLinkRequest r) {
    CampAlumnusLink link = CampAlumnusLink.findById(r.linkId());
    if (link == null) {
      // Withdrawn before its request arrived: remember it so the late request changes nothing.
      link = new CampAlumnusLink();
      link.linkId = r.linkId();
      link.registrationNumber = r.registrationNumber();
      link.programme = r.programme();
      link.programmeNameJa = r.programmeNameJa();
      link.fiscalYear = r.fiscalYear();
      link.requestedAt = r.at();
      link.state = CampAlumnusLink.WITHDRAWN;
      link.withdrawnAt = r.at();
      link.withdrawnBy = "alumnus";
      link.persist();
      return;
    }
    if (CampAlumnusLink.WITHDRAWN.equals(link.state)) {
      return;
    }
    boolean shown = CampAlumnusLink.CONFIRMED.equals(link.state);
    link.state = CampAlumnusLink.WITHDRAWN;
    link.withdrawnAt = r.at();
    link.withdrawnBy = "alumnus";
    if (shown) {
      listingChanged(link, COMMUNITY, CampAlumnusLink.CONFIRMED, CampAlumnusLink.WITHDRAWN);
    }
  }

  /** The links waiting for or shown on the caller's own listing. */
  @Transactional
  public Items mine(String subject) {
    return new Items(
        Listing.<Listing>find("ownerSubject", subject).stream()
            .flatMap(l -> CampAlumnusLink.live(l.registrationNumber).stream())
            .map(LinkView::of)
            .toList());
  }

  @Transactional
  public LinkView confirm(String subject, UUID id) {
    CampAlumnusLink link = owned(subject, id);
    if (!CampAlumnusLink.PENDING.equals(link.state)) {
      throw ProblemException.conflict(
          "link-state",
          "Not pending",
          "Only a pending link can be confirmed; this one is " + link.state + ".");
    }
    link.state = CampAlumnusLink.CONFIRMED;
    link.confirmedAt = OffsetDateTime.now(clock);
    listingChanged(
        link,
        new ListingHistory.Actor(subject, Roles.SPECIALIST),
        CampAlumnusLink.PENDING,
        CampAlumnusLink.CONFIRMED);
    decided(link, AlumnusLinkDecided.CONFIRMED, "confirmed", link.confirmedAt);
    return LinkView.of(link);
  }

  @Transactional
  public LinkView withdraw(String subject, UUID id) {
    CampAlumnusLink link = owned(subject, id);
    if (CampAlumnusLink.WITHDRAWN.equals(link.state)) {
      throw ProblemException.conflict(
          "link-state", "Already withdrawn", "This link is already withdrawn.");
    }
    String before = link.state;
    link.state = CampAlumnusLink.WITHDRAWN;
    link.withdrawnAt = OffsetDateTime.now(clock);
    link.withdrawnBy = "specialist";
    if (CampAlumnusLink.CONFIRMED.equals(before)) {
      listingChanged(
          link,
          new ListingHistory.Actor(subject, Roles.SPECIALIST),
          before,
          CampAlumnusLink.WITHDRAWN);
    }
    decided(link, AlumnusLinkDecided.WITHDRAWN, "withdrawn", link.withdrawnAt);
    return LinkView.of(link);
  }

  /** The link, if it names the registration number of a listing the caller owns; else 404. */
  private CampAlumnusLink owned(String subject, UUID id) {
    CampAlumnusLink link = CampAlumnusLink.findById(id);
    if (link == null
        || Listing.byRegistrationNumber(link.registrationNumber)
            .filter(l -> l.isOwnedBy(subject))
            .isEmpty()) {
      throw ProblemException.notFound("alumnus link " + id);
    }
    return link;
  }

  private void listingChanged(
      CampAlumnusLink link, ListingHistory.Actor actor, String before, String after) {
    Listing.byRegistrationNumber(link.registrationNumber)
        .ifPresent(
            listing -> {
              history.record(
                  listing.id,
                  actor,
                  "VERIFIED_FACT_CHANGED",
                  Map.of(
                      "verified.campAlumnus." + link.programme + "-" + link.fiscalYear,
                      new ListingHistoryEntry.FieldChange(before, after)),
                  null,
                  OffsetDateTime.now(clock));
              changeFeed.append(listing);
              touched.fire(new ListingTouched(listing.id));
            });
  }

  private void decided(CampAlumnusLink link, String type, String decision, OffsetDateTime at) {
    outbox.append(
        AlumnusLinkDecided.TOPIC,
        link.linkId.toString(),
        events.create(
            type,
            link.linkId.toString(),
            AlumnusLinkDecided.SCHEMA,
            new AlumnusLinkDecided(link.linkId, decision, at)));
  }
}
