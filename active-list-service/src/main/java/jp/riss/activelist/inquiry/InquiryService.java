package jp.riss.activelist.inquiry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import jp.riss.platform.web.Preconditions;

/**
 * Inquiries from their sending to their end. Every change of an inquiry's openness moves the
 * listing's load in the same transaction, and every change is recorded on the outbox.
 */
@ApplicationScoped
public class InquiryService {

  @Inject Clock clock;

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  /** Closing: COMPLETED once accepted; CANCELLED by either side once accepted, or by the sender. */
  public enum Outcome {
    COMPLETED,
    CANCELLED
  }

  @Inject EntityManager em;
  @Inject ListingLoad load;
  @Inject MatchingReferences references;
  @Inject InquiryConfig config;
  @Inject Outbox outbox;
  @Inject EventSource events;

  @Transactional
  public Inquiry create(Caller caller, NewInquiry request) {
    UUID listingId = Ids.uuid("listingId", request.listingId());
    List<Problem.Violation> violations = new ArrayList<>(references.check("sme.", request.sme()));
    if (request.contact().email() == null && request.contact().phone() == null) {
      violations.add(new Problem.Violation("contact", "needs an email or a phone number"));
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    if (!load.take(listingId)) {
      throw refusal(listingId);
    }
    OffsetDateTime now = now();
    Inquiry inquiry = new Inquiry();
    inquiry.id = UUID.randomUUID();
    inquiry.listingId = listingId;
    inquiry.requesterSubject = caller.subject();
    inquiry.requesterRole = caller.role();
    inquiry.companyName = request.sme().companyName().strip();
    inquiry.industry = request.sme().industry();
    inquiry.prefecture = request.sme().prefecture();
    inquiry.sizeBand = request.sme().sizeBand();
    inquiry.themes = request.sme().themes().toArray(Integer[]::new);
    inquiry.preferredFormat = request.sme().preferredFormat();
    inquiry.acceptsOnline = request.sme().acceptsOnline();
    inquiry.message = request.message();
    inquiry.contact = request.contact();
    inquiry.consentToShareContact = request.consentToShareContact();
    inquiry.status = InquiryStatus.SENT;
    inquiry.respondBy = now.plus(config.respondWithin());
    inquiry.createdAt = now;
    inquiry.updatedAt = now;
    inquiry.persistAndFlush();
    record(inquiry, InquiryChanged.CREATED);
    return inquiry;
  }

  /** Why the listing took no inquiry: as if absent when it never was public, else which rule. */
  private ProblemException refusal(UUID listingId) {
    Listing listing = Listing.findById(listingId);
    if (listing == null || listing.publishedAt == null) {
      return ProblemException.notFound("listing " + listingId);
    }
    if (listing.status != ListingStatus.PUBLISHED) {
      return ProblemException.conflict(
          "listing-not-published",
          "Listing not published",
          "The listing is not in the public list now; choose another specialist.");
    }
    if (!listing.selfDeclared().availability().accepting(LocalDate.now(clock.withZone(JAPAN)))) {
      return ProblemException.conflict(
          "listing-not-accepting",
          "Specialist not accepting inquiries",
          "The specialist does not accept inquiries at present; choose another specialist.");
    }
    return ProblemException.conflict(
        "listing-at-capacity",
        "Specialist fully booked",
        "The specialist has as many open inquiries as they take at once; choose another specialist"
            + " or try again later.");
  }

  @Transactional
  public Inquiry accept(UUID id, Caller caller, String ifMatch) {
    Inquiry inquiry = lockAsSpecialist(id, caller);
    guard(inquiry, EnumSet.of(InquiryStatus.SENT), InquiryStatus.ACCEPTED, ifMatch);
    inquiry.status = InquiryStatus.ACCEPTED;
    inquiry.respondedAt = now();
    return save(inquiry, InquiryChanged.ACCEPTED);
  }

  @Transactional
  public Inquiry decline(UUID id, Caller caller, String ifMatch, String reason, String note) {
    Inquiry inquiry = lockAsSpecialist(id, caller);
    if (!references.declineReasonCodes().contains(reason)) {
      throw ProblemException.badRequest("reason", "is not a decline reason code");
    }
    guard(inquiry, EnumSet.of(InquiryStatus.SENT), InquiryStatus.DECLINED, ifMatch);
    inquiry.status = InquiryStatus.DECLINED;
    inquiry.respondedAt = now();
    inquiry.declineReason = reason;
    inquiry.declineNote = note;
    load.release(inquiry.listingId);
    return save(inquiry, InquiryChanged.DECLINED);
  }

  @Transactional
  public Inquiry close(UUID id, Caller caller, String ifMatch, Outcome outcome) {
    Inquiry inquiry = lock(id, caller);
    boolean sender = isSender(inquiry, caller);
    Set<InquiryStatus> from =
        outcome == Outcome.CANCELLED && (sender || caller.isIpa())
            ? EnumSet.of(InquiryStatus.SENT, InquiryStatus.ACCEPTED)
            : EnumSet.of(InquiryStatus.ACCEPTED);
    InquiryStatus to =
        outcome == Outcome.COMPLETED ? InquiryStatus.COMPLETED : InquiryStatus.CANCELLED;
    guard(inquiry, from, to, ifMatch);
    inquiry.status = to;
    inquiry.closedAt = now();
    inquiry.closedByRole = caller.role();
    load.release(inquiry.listingId);
    return save(inquiry, InquiryChanged.CLOSED);
  }

  /**
   * Expires every inquiry still unanswered at {@code now}; run by the schedule and by IPA. Rows
   * another transaction is answering right now are skipped (that answer wins).
   */
  @Transactional
  public List<UUID> expireDue(OffsetDateTime now) {
    @SuppressWarnings("unchecked")
    List<Object> due =
        em.createNativeQuery(
                "SELECT id FROM inquiry WHERE status = 'SENT' AND respond_by <= ?1"
                    + " ORDER BY respond_by, id LIMIT 1000 FOR UPDATE SKIP LOCKED")
            .setParameter(1, now)
            .getResultList();
    List<UUID> expired = new ArrayList<>();
    for (Object row : due) {
      Inquiry inquiry = Inquiry.findById(row);
      inquiry.status = InquiryStatus.EXPIRED;
      load.release(inquiry.listingId);
      save(inquiry, InquiryChanged.EXPIRED);
      expired.add(inquiry.id);
    }
    return expired;
  }

  /** The inquiry if the caller is one of its parties or IPA; otherwise 404, as if absent. */
  public Inquiry require(UUID id, Caller caller) {
    Inquiry inquiry = Inquiry.findById(id);
    if (inquiry == null || !visible(inquiry, caller)) {
      throw ProblemException.notFound("inquiry " + id);
    }
    return inquiry;
  }

  private Inquiry lock(UUID id, Caller caller) {
    Inquiry inquiry = Inquiry.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (inquiry == null || !visible(inquiry, caller)) {
      throw ProblemException.notFound("inquiry " + id);
    }
    return inquiry;
  }

  /** Only the listing's owner answers; the sender sees the inquiry but cannot accept it. */
  private Inquiry lockAsSpecialist(UUID id, Caller caller) {
    Inquiry inquiry = lock(id, caller);
    Listing listing = Listing.findById(inquiry.listingId);
    if (!caller.owns(listing)) {
      throw ProblemException.notFound("inquiry " + id);
    }
    return inquiry;
  }

  /**
   * Refuses a transition from the wrong status with a 409 before comparing versions, so a second
   * accept (even a concurrent one, which waited for the first's row lock) says "already accepted".
   */
  private static void guard(
      Inquiry inquiry, Set<InquiryStatus> from, InquiryStatus to, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      Preconditions.requireIfMatch(ifMatch, inquiry.version);
    }
    if (!from.contains(inquiry.status)) {
      throw ProblemException.conflict(
          "invalid-transition",
          "Invalid status transition",
          "A " + inquiry.status + " inquiry cannot become " + to + ".");
    }
    Preconditions.requireIfMatch(ifMatch, inquiry.version);
  }

  static boolean visible(Inquiry inquiry, Caller caller) {
    if (caller.isIpa() || isSender(inquiry, caller)) {
      return true;
    }
    if (!caller.isSpecialist()) {
      return false;
    }
    Listing listing = Listing.findById(inquiry.listingId);
    return caller.owns(listing);
  }

  private static boolean isSender(Inquiry inquiry, Caller caller) {
    return inquiry.requesterSubject.equals(caller.subject())
        && inquiry.requesterRole.equals(caller.role());
  }

  private Inquiry save(Inquiry inquiry, String type) {
    inquiry.updatedAt = now();
    // Flush so the version the event and the ETag carry is the one stored.
    inquiry.persistAndFlush();
    record(inquiry, type);
    return inquiry;
  }

  private void record(Inquiry inquiry, String type) {
    outbox.append(
        InquiryChanged.TOPIC,
        inquiry.id.toString(),
        events.create(
            type, inquiry.id.toString(), InquiryChanged.SCHEMA, InquiryChanged.of(inquiry)));
  }

  private OffsetDateTime now() {
    // Microseconds, as stored, so cursors built from loaded rows compare equal to the database.
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
