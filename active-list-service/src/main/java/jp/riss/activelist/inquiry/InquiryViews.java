package jp.riss.activelist.inquiry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.shortlist.Caller;
import jp.riss.activelist.shortlist.Shortlist;
import jp.riss.activelist.shortlist.Shortlister;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.Keyset;

/** Inquiries as their parties see them: one page of the caller's, or one with its alternatives. */
@ApplicationScoped
public class InquiryViews {

  @Inject InquiryService inquiries;
  @Inject Shortlister shortlister;
  @Inject InquiryConfig config;

  /** The inquiries the caller sent, or received as a specialist (IPA: all), newest first. */
  @Transactional
  public Keyset.Page<InquiryView> list(Caller caller, String status, int limit, String cursor) {
    StringBuilder query = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (caller.isSpecialist()) {
      List<UUID> own = caller.ownListingIds();
      if (own.isEmpty()) {
        return new Keyset.Page<>(List.of(), null);
      }
      query.append(" and listingId in :own");
      params.put("own", own);
    } else if (!caller.isIpa()) {
      query.append(" and requesterSubject = :subject and requesterRole = :role");
      params.put("subject", caller.subject());
      params.put("role", caller.role());
    }
    if (status != null) {
      query.append(" and status = :status");
      params.put("status", status(status));
    }
    Keyset.Order.NEWEST_FIRST.appendTo(query, params, Keyset.decode(cursor), "createdAt", "id");
    return Keyset.page(
            Inquiry.<Inquiry>find(query.toString(), params).page(0, limit + 1).list(),
            limit,
            e -> e.createdAt,
            e -> e.id)
        .map(i -> view(i, caller, false));
  }

  /** One inquiry the caller is party to, with alternatives where it ended unanswered. */
  @Transactional
  public InquiryView show(UUID id, Caller caller) {
    return view(inquiries.require(id, caller), caller, true);
  }

  /**
   * Alternatives are offered to the sender (and IPA) of an inquiry that ended unanswered or
   * declined: a shortlist for its profile without that specialist, the same on every read.
   */
  @Transactional
  public InquiryView view(Inquiry inquiry, Caller caller, boolean withAlternatives) {
    Listing listing = Listing.findById(inquiry.listingId);
    List<Shortlist.Candidate> alternatives = null;
    if (withAlternatives
        && !caller.owns(listing)
        && EnumSet.of(InquiryStatus.DECLINED, InquiryStatus.EXPIRED).contains(inquiry.status)) {
      long seed = inquiry.id.getMostSignificantBits() & ((1L << 53) - 1);
      alternatives =
          shortlister
              .shortlist(inquiry.profile(), config.alternatives(), seed, List.of(listing.id))
              .candidates();
    }
    return InquiryView.of(inquiry, listing, caller, alternatives);
  }

  private static InquiryStatus status(String value) {
    try {
      return InquiryStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("status", "is not an inquiry status");
    }
  }
}
