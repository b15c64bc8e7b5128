package jp.riss.activelist.inquiry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.riss.activelist.shortlist.SmeProfile;

/** What an SME (or a support body on its behalf) sends to a specialist's published listing. */
public record NewInquiry(
    @NotNull @Size(max = 36) String listingId,
    @NotNull @Valid SmeProfile sme,
    @Size(max = 2000) String message,
    @NotNull @Valid SmeContact contact,
    @NotNull Boolean consentToShareContact) {}
