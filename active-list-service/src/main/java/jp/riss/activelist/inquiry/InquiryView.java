package jp.riss.activelist.inquiry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.SelfDeclared;
import jp.riss.activelist.shortlist.Caller;
import jp.riss.activelist.shortlist.Shortlist;
import jp.riss.activelist.shortlist.SmeProfile;

/**
 * An inquiry as one of its parties sees it. Contacts cross only as agreed: the specialist sees the
 * SME's contact only with its consent, the SME the specialist's once they accepted.
 */
public record InquiryView(
    UUID id,
    UUID listingId,
    String specialistName,
    InquiryStatus status,
    String requestedBy,
    SmeProfile sme,
    String message,
    boolean consentToShareContact,
    SmeContact smeContact,
    SelfDeclared.Contact specialistContact,
    OffsetDateTime createdAt,
    OffsetDateTime respondBy,
    OffsetDateTime respondedAt,
    String declineReason,
    String declineNote,
    OffsetDateTime closedAt,
    long version,
    List<Shortlist.Candidate> alternatives) {

  static InquiryView of(
      Inquiry i, Listing listing, Caller caller, List<Shortlist.Candidate> alternatives) {
    boolean specialist = caller.owns(listing);
    return new InquiryView(
        i.id,
        i.listingId,
        listing.displayName,
        i.status,
        i.requesterRole,
        i.profile(),
        i.message,
        i.consentToShareContact,
        !specialist || i.consentToShareContact ? i.contact : null,
        !specialist && i.wasAccepted() ? listing.contact : null,
        i.createdAt,
        i.respondBy,
        i.respondedAt,
        i.declineReason,
        i.declineNote,
        i.closedAt,
        i.version,
        alternatives);
  }
}
