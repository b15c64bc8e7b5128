package jp.riss.activelist.listing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What a specialist sends to create their draft listing. The registration number is optional: the
 * one IPA's registry binds to the caller's account is used, and a different one is refused.
 */
public record NewListing(
    @Pattern(regexp = "\\d{6}", message = "must be 6 digits") String registrationNumber,
    @NotNull @Valid SelfDeclared selfDeclared) {}
