package jp.riss.activelist.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.cancellation.Cancellation;
import jp.riss.activelist.inquiry.Inquiry;
import jp.riss.activelist.inquiry.InquiryStatus;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.shortlist.Caller;
import jp.riss.activelist.shortlist.MatchingReferences;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.Preconditions;

/**
 * Guidance engagements: arranged, visited three times, completed. Completion is the listing's
 * verified track record and the deemed-attendance service's cue, committed together.
 */
@ApplicationScoped
public class EngagementService {

  @Inject Clock clock;

  @Inject MatchingReferences references;
  @Inject TrackRecord trackRecord;
  @Inject Outbox outbox;
  @Inject EventSource events;

  @Transactional
  public Engagement create(Caller caller, NewEngagement request) {
    UUID listingId = Ids.uuid("listingId", request.listingId());
    UUID inquiryId =
        request.inquiryId() == null ? null : Ids.uuid("inquiryId", request.inquiryId());
    List<Problem.Violation> violations =
        new ArrayList<>(references.checkThemes("themeNumber", List.of(request.themeNumber())));
    violations.replaceAll(v -> new Problem.Violation("themeNumber", v.message()));
    if (request.visits() != null) {
      for (int n = 1; n <= 3; n++) {
        int number = n;
        if (request.visits().stream().filter(v -> v.number() == number).count() != 1) {
          violations.add(new Problem.Violation("visits", "must number the visits 1, 2 and 3"));
          break;
        }
      }
    }
    if (caller.isSpecialist() && inquiryId == null) {
      violations.add(
          new Problem.Violation("inquiryId", "is required: a specialist starts from an inquiry"));
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    Listing listing = Listing.findById(listingId);
    if (listing == null || !(caller.owns(listing) || caller.isSupportBody())) {
      throw ProblemException.notFound("listing " + listingId);
    }
    if (caller.isSupportBody() && listing.status != ListingStatus.PUBLISHED) {
      if (listing.publishedAt == null) {
        throw ProblemException.notFound("listing " + listingId);
      }
      throw ProblemException.conflict(
          "listing-not-published",
          "Listing not published",
          "Guidance is arranged with listed specialists only.");
    }
    Inquiry inquiry = inquiryId == null ? null : inquiry(inquiryId, caller, listingId);
    String organisation =
        request.organisationName() != null
            ? request.organisationName().strip()
            : inquiry == null ? null : inquiry.companyName;
    if (organisation == null) {
      throw ProblemException.badRequest("organisationName", "is required without an inquiry");
    }
    OffsetDateTime now = now();
    Engagement engagement = new Engagement();
    engagement.id = UUID.randomUUID();
    engagement.listingId = listingId;
    engagement.inquiryId = inquiryId;
    engagement.supportBodySubject =
        caller.isSupportBody()
            ? caller.subject()
            : inquiry != null && "support-body".equals(inquiry.requesterRole)
                ? inquiry.requesterSubject
                : null;
    engagement.createdBy = caller.subject();
    engagement.createdByRole = caller.role();
    engagement.organisationName = organisation;
    engagement.corporateNumber = request.corporateNumber();
    engagement.themeNumber = request.themeNumber();
    engagement.visits = plannedVisits(request);
    engagement.status = EngagementStatus.IN_PROGRESS;
    engagement.startedOn = request.startedOn();
    engagement.createdAt = now;
    engagement.updatedAt = now;
    engagement.persistAndFlush();
    return engagement;
  }

  /** The inquiry it comes from: the caller's own (sent, or to their listing), accepted, unused. */
  private static Inquiry inquiry(UUID inquiryId, Caller caller, UUID listingId) {
    Inquiry inquiry = Inquiry.findById(inquiryId);
    boolean own =
        inquiry != null
            && (caller.isSpecialist()
                ? inquiry.listingId.equals(listingId)
                : inquiry.requesterSubject.equals(caller.subject()));
    if (!own) {
      throw ProblemException.notFound("inquiry " + inquiryId);
    }
    if (!inquiry.listingId.equals(listingId)) {
      throw ProblemException.badRequest("listingId", "is not the listing the inquiry went to");
    }
    if (inquiry.status != InquiryStatus.ACCEPTED && inquiry.status != InquiryStatus.COMPLETED) {
      throw ProblemException.conflict(
          "inquiry-not-accepted",
          "Inquiry not accepted",
          "Guidance starts from an inquiry the specialist accepted.");
    }
    if (Engagement.count("inquiryId", inquiryId) > 0) {
      throw ProblemException.conflict(
          "engagement-exists",
          "Engagement exists",
          "This inquiry already has its guidance engagement.");
    }
    return inquiry;
  }

  private List<Visit> plannedVisits(NewEngagement request) {
    if (request.visits() != null) {
      return request.visits().stream()
          .sorted(Comparator.comparing(NewEngagement.PlannedVisit::number))
          .map(v -> new Visit(v.number(), v.goal().strip(), null, null))
          .toList();
    }
    List<String> goals = references.defaultGoals(request.themeNumber());
    List<Visit> visits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      visits.add(new Visit(i + 1, i < goals.size() ? goals.get(i) : "", null, null));
    }
    return visits;
  }

  /** The specialist records what a visit achieved. */
  @Transactional
  public Engagement recordVisit(
      UUID id, int number, Caller caller, String ifMatch, LocalDate visitedOn, String outcome) {
    Engagement engagement = lock(id, caller);
    if (!caller.isSpecialist()) {
      throw ProblemException.notFound("engagement " + id);
    }
    Preconditions.requireIfMatch(ifMatch, engagement.version);
    if (number < 1 || number > 3) {
      throw ProblemException.badRequest("number", "must be 1, 2 or 3");
    }
    inProgress(engagement);
    if (visitedOn.isBefore(engagement.startedOn)) {
      throw ProblemException.badRequest("visitedOn", "is before the engagement started");
    }
    List<Visit> visits = new ArrayList<>(engagement.visits);
    Visit planned = visits.get(number - 1);
    visits.set(number - 1, new Visit(number, planned.goal(), visitedOn, outcome.strip()));
    engagement.visits = visits;
    engagement.updatedAt = now();
    engagement.persistAndFlush();
    return engagement;
  }

  /**
   * All three visits done: the engagement completes on the last visit's date, the listing's
   * verified count grows, and the completion event is written — one transaction.
   */
  @Transactional
  public Engagement complete(UUID id, Caller caller, String ifMatch) {
    Engagement engagement = lock(id, caller);
    Preconditions.requireIfMatch(ifMatch, engagement.version);
    inProgress(engagement);
    if (!engagement.visits.stream().allMatch(Visit::done)) {
      throw ProblemException.conflict(
          "visits-incomplete",
          "Visits incomplete",
          "All three visits need a date and an outcome before the engagement completes.");
    }
    OffsetDateTime now = now();
    engagement.status = EngagementStatus.COMPLETED;
    engagement.completedOn =
        engagement.visits.stream().map(Visit::visitedOn).max(LocalDate::compareTo).orElseThrow();
    engagement.completedAt = now;
    engagement.updatedAt = now;
    engagement.persistAndFlush();
    trackRecord.engagementCompleted(engagement.listingId, engagement.id, caller.actor(), now);
    Listing listing = Listing.findById(engagement.listingId);
    outbox.append(
        EngagementCompleted.TOPIC,
        engagement.id.toString(),
        events.create(
            EngagementCompleted.COMPLETED,
            engagement.id.toString(),
            EngagementCompleted.SCHEMA,
            EngagementCompleted.of(engagement, listing.registrationNumber)));
    return engagement;
  }

  /**
   * Cancels an engagement that has not completed: it keeps its visits for the record but never
   * counts on the listing and emits no completion event. Its specialist or its support body, like
   * completing it.
   */
  @Transactional
  public Engagement cancel(UUID id, Caller caller, String ifMatch, Cancellation cancellation) {
    Engagement engagement = lock(id, caller);
    Preconditions.requireIfMatch(ifMatch, engagement.version);
    inProgress(engagement);
    OffsetDateTime now = now();
    engagement.status = EngagementStatus.CANCELLED;
    engagement.cancelledAt = now;
    engagement.cancellationReason = cancellation.stripped();
    engagement.updatedAt = now;
    engagement.persistAndFlush();
    return engagement;
  }

  /** The engagements the caller may see, newest first, one page of them. */
  @Transactional
  public Keyset.Page<EngagementView> list(Caller caller, int limit, String cursor) {
    StringBuilder query = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (caller.isSpecialist()) {
      List<UUID> own = caller.ownListingIds();
      if (own.isEmpty()) {
        return new Keyset.Page<>(List.of(), null);
      }
      query.append(" and listingId in :own");
      params.put("own", own);
    } else if (caller.isSupportBody()) {
      query.append(" and supportBodySubject = :subject");
      params.put("subject", caller.subject());
    }
    Keyset.Order.NEWEST_FIRST.appendTo(query, params, Keyset.decode(cursor), "createdAt", "id");
    return Keyset.page(
            Engagement.<Engagement>find(query.toString(), params).page(0, limit + 1).list(),
            limit,
            e -> e.createdAt,
            e -> e.id)
        .map(this::view);
  }

  /** One engagement as the caller sees it; 404 unless it is theirs to see. */
  @Transactional
  public EngagementView show(UUID id, Caller caller) {
    return view(require(id, caller));
  }

  /** The engagement with its listing's display name. */
  @Transactional
  public EngagementView view(Engagement engagement) {
    Listing listing = Listing.findById(engagement.listingId);
    return EngagementView.of(engagement, listing.displayName);
  }

  /** The engagement if the caller is its specialist, its support body or IPA; else 404. */
  public Engagement require(UUID id, Caller caller) {
    Engagement engagement = Engagement.findById(id);
    if (engagement == null || !visible(engagement, caller)) {
      throw ProblemException.notFound("engagement " + id);
    }
    return engagement;
  }

  private Engagement lock(UUID id, Caller caller) {
    Engagement engagement = Engagement.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (engagement == null || !visible(engagement, caller)) {
      throw ProblemException.notFound("engagement " + id);
    }
    return engagement;
  }

  private static boolean visible(Engagement engagement, Caller caller) {
    if (caller.isIpa()) {
      return true;
    }
    if (caller.isSupportBody()) {
      return caller.subject().equals(engagement.supportBodySubject);
    }
    return caller.isSpecialist() && caller.owns(Listing.findById(engagement.listingId));
  }

  private static void inProgress(Engagement engagement) {
    if (engagement.status == EngagementStatus.CANCELLED) {
      throw ProblemException.conflict(
          "engagement-cancelled",
          "Engagement cancelled",
          "A cancelled engagement's visits and status no longer change.");
    }
    if (engagement.status != EngagementStatus.IN_PROGRESS) {
      throw ProblemException.conflict(
          "invalid-transition",
          "Engagement completed",
          "A completed engagement's visits and status no longer change.");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
